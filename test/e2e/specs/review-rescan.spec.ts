import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { writeNpmProject } from '../../helpers/fixture-repo';
import { filledText } from '../../helpers/license-texts';
import { ComponentPage } from '../pages/component-page';
import { FindingsPage } from '../pages/findings-page';
import { ProjectsPage } from '../pages/projects-page';
import { answerReviewerPrompt, previewAndRecordBulk } from '../pages/review-dialogs';

test('re-scan after changing a file: decisions carry over and only the change is queued', async ({ app }) => {
  const { page } = app;
  const repo = path.join(app.scratch, 'shop');
  writeNpmProject(repo, 'shop', [
    { name: 'stable-lib', version: '1.0.0', license: 'MIT' },
    { name: 'other-lib', version: '1.0.0', license: 'BSD-3-Clause' },
    { name: 'changing-lib', version: '1.0.0', license: 'ISC' },
  ]);
  const projects = new ProjectsPage(page);
  await projects.scanFolder(repo);

  // Approve every component, selected by hand in the Components view.
  await page.getByTestId('project-row').filter({ hasText: 'shop' }).getByRole('link', { name: 'shop' }).click();
  const table = page.getByRole('grid', { name: 'components' });
  await expect(table.getByTestId('component-row')).toHaveCount(4);
  for (const name of ['shop', 'stable-lib', 'other-lib', 'changing-lib']) await table.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('button', { name: 'Decide on selection…' }).click();
  expect(await previewAndRecordBulk(page, { state: 'Approved' })).toContain('4 new');
  await answerReviewerPrompt(page);
  await expect(table.getByTestId('component-status').filter({ hasText: 'Decided' })).toHaveCount(4);

  const findings = new FindingsPage(page);
  await findings.open();
  await findings.expectChip('needs-review', 0);
  const decidedBefore = await findings.chipCount('decided');
  expect(decidedBefore).toBeGreaterThan(0);

  // The supplier swapped the ISC text for MIT; scan again from the Projects page.
  writeFileSync(path.join(repo, 'node_modules', 'changing-lib', 'LICENSE'), filledText('MIT', 'changing-lib authors'));
  await projects.open();
  await page.getByTestId('project-row').filter({ hasText: 'shop' }).getByRole('button', { name: 'Re-scan' }).click();
  await expect(page.getByTestId('job')).toHaveCount(2);
  expect(await projects.waitForJobEnd()).toBe('finished');

  // Only the changed component's findings need review; they say what changed.
  await findings.open();
  await page.getByTestId('chip-needs-review').click();
  await expect(findings.rows().first()).toBeVisible();
  await expect(findings.rows().filter({ hasNotText: 'changing-lib' })).toHaveCount(0);
  // The component's findings show it changed; the new mismatch (declared ISC, text MIT) is a finding of its own.
  const licenseText = findings.rows().filter({ hasText: 'license-text' });
  await expect(licenseText.getByTestId('finding-status')).toHaveText('Changed ·c');
  await expect(licenseText.getByTestId('finding-status')).toHaveAttribute('title', /newly detected: MIT/);
  const mismatch = findings.rows().filter({ hasText: 'license-mismatch' });
  await expect(mismatch.getByTestId('finding-status')).toHaveText('Undecided');
  await expect(findings.rows().getByTestId('finding-status').filter({ hasNotText: /^(Changed|Undecided)/ })).toHaveCount(0);
  expect((await findings.chipCount('changed')) + (await findings.chipCount('undecided'))).toBe(await findings.count());

  // Everything else kept its decision across the re-scan.
  await page.getByTestId('chip-decided').click();
  await expect(findings.rows().filter({ hasText: 'stable-lib' }).first()).toBeVisible();
  await expect(findings.rows().filter({ hasText: 'changing-lib' })).toHaveCount(0);

  const component = new ComponentPage(page);
  await component.openFromComponents('stable-lib');
  await expect(page.getByTestId('current-decision')).toContainText('Approved');
  await expect(page.getByTestId('current-decision')).toContainText(/Carried over from the scan before/);
  await component.openFromComponents('changing-lib');
  await expect(page.getByTestId('current-decision')).toContainText('Changed since the decision');
  await expect(page.getByTestId('current-decision')).toContainText('newly detected: MIT');
});
