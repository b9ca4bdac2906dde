import path from 'node:path';
import { expect, test } from '../fixtures';
import { writeNpmProject } from '../../helpers/fixture-repo';
import { FindingsPage } from '../pages/findings-page';
import { ProjectsPage } from '../pages/projects-page';
import { answerReviewerPrompt, previewAndRecordBulk } from '../pages/review-dialogs';

test('bulk-approves every component declared and detected MIT with no other finding, after a preview', async ({ app }) => {
  const { page } = app;
  const repo = path.join(app.scratch, 'shop');
  writeNpmProject(repo, 'shop', [
    { name: 'mit-one', version: '1.0.0', license: 'MIT' },
    { name: 'mit-two', version: '2.1.0', license: 'MIT' },
    // Declared MIT, but its LICENSE file is Apache-2.0: detected differs.
    { name: 'mit-mislabelled', version: '1.0.0', license: 'MIT', licenseFile: 'Apache-2.0' },
    // Declared MIT, no license file at all: nothing detected.
    { name: 'mit-no-text', version: '1.0.0', license: 'MIT', licenseFile: null },
    { name: 'isc-lib', version: '1.0.0', license: 'ISC' },
  ]);
  await new ProjectsPage(page).scanFolder(repo);
  await page.getByTestId('project-row').filter({ hasText: 'shop' }).getByRole('link', { name: 'shop' }).click();

  const table = page.getByRole('grid', { name: 'components' });
  const status = (name: string) => table.getByTestId('component-row').filter({ has: page.getByRole('link', { name, exact: true }) }).getByTestId('component-status');
  await expect(status('mit-one')).toHaveText('Undecided');

  // The filter of the issue: declared MIT, detected only MIT, no other finding, not decided yet.
  await page.getByRole('button', { name: 'Bulk decision by filter…' }).click();
  const filterDialog = page.getByRole('dialog', { name: 'Bulk decision by filter' });
  await expect(filterDialog.getByLabel('Declared license is')).toHaveValue('MIT');
  await expect(filterDialog.getByTestId('bulk-filter-count')).toHaveText('2 of 6 components match.');
  await expect(filterDialog.getByTestId('bulk-filter-match')).toHaveText([/^mit-one@1\.0\.0/, /^mit-two@2\.1\.0/]);
  // Relaxing "detected exactly" lets the component without a license text in, not the mislabelled one.
  await filterDialog.getByLabel(/detected licenses are exactly this/).uncheck();
  await expect(filterDialog.getByTestId('bulk-filter-count')).toHaveText('3 of 6 components match.');
  await filterDialog.getByLabel(/detected licenses are exactly this/).check();
  await filterDialog.getByRole('button', { name: 'Continue to the decision…' }).click();

  // Preview before anything is recorded; the first decision asks who decides.
  const dialog = page.getByRole('dialog', { name: /Decide on 2 components/ });
  await expect(dialog.getByLabel('Concluded license (optional)')).toHaveValue('MIT');
  await expect(dialog.getByRole('button', { name: /^Record/ })).toBeDisabled();
  expect(await previewAndRecordBulk(page)).toContain('2 new · 0 replaced · 0 unchanged');
  await answerReviewerPrompt(page);
  await expect(page.getByRole('status').filter({ hasText: 'Recorded 2 decisions' })).toBeVisible();

  await expect(status('mit-one')).toHaveText('Decided');
  await expect(status('mit-two')).toHaveText('Decided');
  for (const name of ['mit-mislabelled', 'mit-no-text', 'isc-lib', 'shop']) await expect(status(name)).toHaveText('Undecided');
  await expect(table.getByTestId('component-row').filter({ hasText: 'mit-one' })).toContainText('MIT');

  // The same bulk decision again changes nothing, and the preview says so before recording.
  await page.getByRole('button', { name: 'Bulk decision by filter…' }).click();
  await filterDialog.getByLabel(/not decided yet/).uncheck();
  await expect(filterDialog.getByTestId('bulk-filter-count')).toHaveText('2 of 6 components match.');
  await filterDialog.getByRole('button', { name: 'Continue to the decision…' }).click();
  const again = page.getByRole('dialog', { name: /Decide on 2 components/ });
  await again.getByRole('button', { name: 'Preview' }).click();
  await expect(again.getByTestId('bulk-summary')).toHaveText('0 new · 0 replaced · 2 unchanged');
  await expect(again.getByRole('button', { name: 'Record 0 decisions' })).toBeDisabled();
  await again.getByRole('button', { name: 'Cancel' }).click();

  // The findings of the approved components are decided through them.
  const findings = new FindingsPage(page);
  await findings.open();
  await page.getByLabel('Filter by component').fill('mit-one');
  await expect(findings.rows().filter({ hasNotText: 'mit-one' })).toHaveCount(0);
  await expect(findings.rows().first()).toBeVisible();
  await expect(findings.rows().getByTestId('finding-status').filter({ hasNotText: /^Decided/ })).toHaveCount(0);
});
