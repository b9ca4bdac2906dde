import { expect, type Locator, type Page } from '@playwright/test';

/** The Findings view: the virtualized table, status chips, filters and keyboard triage. */
export class FindingsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
    await expect(this.page.getByRole('heading', { name: 'Findings', level: 1 })).toBeVisible();
    await expect(this.page.getByTestId('findings-count')).toHaveText(/\d+ findings/);
  }

  async chooseProject(name: string): Promise<void> {
    await this.page.getByLabel('Project').selectOption({ label: name });
  }

  get table(): Locator {
    return this.page.getByRole('grid', { name: 'findings' });
  }

  rows(): Locator {
    return this.page.getByTestId('finding-row');
  }

  activeRow(): Locator {
    return this.page.locator('[data-testid="finding-row"][data-active="true"]');
  }

  async count(): Promise<number> {
    const text = (await this.page.getByTestId('findings-count').textContent()) ?? '';
    return Number(/([\d,]+) findings/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
  }

  async expectCount(n: number): Promise<void> {
    await expect(this.page.getByTestId('findings-count')).toHaveText(new RegExp(`^${n} findings`));
  }

  /** The count on a status chip ("Decided 9"). */
  async chipCount(status: string): Promise<number> {
    const text = (await this.page.getByTestId(`chip-${status}`).textContent()) ?? '';
    return Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN);
  }

  async expectChip(status: string, n: number): Promise<void> {
    await expect(this.page.getByTestId(`chip-${status}`)).toHaveText(new RegExp(`\\b${n}$`));
  }

  /** Presses a key with nothing focused but the page (shortcuts are off inside fields). */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Takes focus out of any field so the next keys are shortcuts. */
  async leaveFields(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Findings', level: 1 }).click();
  }

  async activeText(): Promise<string> {
    return (await this.activeRow().textContent()) ?? '';
  }
}
