import { expect, test } from '../fixtures';
import { writeNpmProject } from '../../helpers/fixture-repo';
import { ProjectsPage } from '../pages/projects-page';
import path from 'node:path';

test('adds a folder through the UI, follows the scan to the end and finds its components', async ({ app }) => {
  const { page } = app;
  const repo = path.join(app.scratch, 'shop');
  writeNpmProject(repo, 'shop', [
    { name: 'left-pad', version: '1.3.0', license: 'WTFPL' },
    { name: 'tiny-isc', version: '2.0.1', license: 'ISC' },
    { name: 'copyleft-lib', version: '0.9.0', license: 'GPL-3.0-only' },
  ]);
  const projects = new ProjectsPage(page);
  await projects.open();
  await expect(page.getByText('No projects yet')).toBeVisible();

  await projects.addSource('folder', [repo]);
  // Progress is shown while the scan runs, and the job ends as finished.
  await expect(page.getByTestId('job').first()).toBeVisible();
  expect(await projects.waitForJobEnd()).toBe('finished');
  await expect(page.getByTestId('job').first()).toContainText(/4 components/);

  const row = page.getByTestId('project-row').filter({ hasText: 'shop' });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: 'shop' }).click();

  await expect(page.getByRole('heading', { name: 'Components', level: 1 })).toBeVisible();
  const table = page.getByRole('grid', { name: 'components' });
  for (const name of ['left-pad', 'tiny-isc', 'copyleft-lib', 'shop']) {
    await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(table.getByRole('row').filter({ hasText: 'copyleft-lib' })).toContainText('GPL-3.0-only');

  // The filter narrows the table.
  await page.getByRole('searchbox', { name: 'Filter components' }).fill('isc');
  await expect(table.getByRole('link', { name: 'left-pad', exact: true })).toBeHidden();
  await expect(table.getByRole('link', { name: 'tiny-isc', exact: true })).toBeVisible();
});

test('refuses a path that does not exist, naming it', async ({ app }) => {
  const { page } = app;
  const projects = new ProjectsPage(page);
  await projects.open();
  const missing = path.join(app.scratch, 'does-not-exist');
  await projects.addSource('folder', [missing]);
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText(`${missing}: no such file or directory`);
});
