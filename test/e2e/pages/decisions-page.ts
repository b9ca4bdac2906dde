import { expect, type Locator, type Page } from '@playwright/test';

/** The Decisions view: the trail, verification, export and import. */
export class DecisionsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions' }).click();
    await expect(this.page.getByRole('heading', { name: 'Decisions', level: 1 })).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId('decision-row');
  }

  async verify(): Promise<string> {
    await this.page.getByRole('button', { name: 'Verify trail' }).click();
    const result = this.page.getByTestId('verify-result');
    await expect(result).toBeVisible();
    return (await result.textContent()) ?? '';
  }
}
