import { expect, type Locator, type Page } from '@playwright/test';

/** The Policy view: results per project, distribution models, and the YAML editor with versions. */
export class PolicyPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy' }).click();
    await expect(this.page.getByRole('heading', { name: 'Policy', level: 1 })).toBeVisible();
  }

  get editor(): Locator {
    return this.page.getByLabel('Policy (YAML)');
  }

  projectRow(name: string): Locator {
    return this.page.getByTestId('policy-project-row').filter({ hasText: name });
  }

  async counts(name: string): Promise<{ allow: number; review: number; deny: number }> {
    const row = this.projectRow(name);
    const read = async (id: string) => Number(await row.getByTestId(id).textContent());
    return { allow: await read('count-allow'), review: await read('count-review'), deny: await read('count-deny') };
  }
}
