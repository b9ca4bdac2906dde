import { expect, type Page } from '@playwright/test';

/** The Projects view and its Add folder / Import SBOM dialog, as a user drives them. */
export class ProjectsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await expect(this.page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  }

  async addSource(kind: 'folder' | 'sbom', paths: string[], options: { projectName?: string; lenient?: boolean } = {}): Promise<void> {
    await this.page.getByRole('button', { name: kind === 'folder' ? 'Add folder' : 'Import SBOM', exact: true }).first().click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(/path\(s\), one per line/).fill(paths.join('\n'));
    if (options.projectName) await dialog.getByLabel('Project name (optional)').fill(options.projectName);
    if (options.lenient) await dialog.getByLabel(/Lenient/).check();
    await dialog.getByRole('button', { name: kind === 'folder' ? 'Scan' : 'Import' }).click();
  }

  /** Opens Projects, adds a folder and waits for its scan to finish: the common start of a review spec. */
  async scanFolder(repo: string): Promise<void> {
    await this.open();
    await this.addSource('folder', [repo]);
    expect(await this.waitForJobEnd()).toBe('finished');
  }

  /** Waits for the newest job to end and returns its end state. */
  async waitForJobEnd(): Promise<string> {
    const job = this.page.getByTestId('job').first();
    await expect(job).toHaveAttribute('data-state', /finished|failed|cancelled|interrupted/, { timeout: 90_000 });
    return (await job.getAttribute('data-state')) ?? '';
  }
}
