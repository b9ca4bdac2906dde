import { expect, type Locator, type Page } from '@playwright/test';

/** A component's page: licenses side by side, the decision form, policy result and history. */
export class ComponentPage {
  constructor(private readonly page: Page) {}

  /** Opens the component from the Components view of the current project. */
  async openFromComponents(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Components' }).click();
    await this.page.getByRole('grid', { name: 'components' }).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(name);
  }

  get form(): Locator {
    return this.page.getByRole('form', { name: 'Record a decision' });
  }

  async chooseState(label: string): Promise<void> {
    await this.form.getByRole('radiogroup', { name: 'State' }).getByLabel(label, { exact: true }).check();
  }

  async record(): Promise<void> {
    await this.form.getByRole('button', { name: 'Record decision' }).click();
  }

  history(): Locator {
    return this.page.getByTestId('history-entry');
  }
}
