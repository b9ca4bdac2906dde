import path from 'node:path';
import { expect, test } from '../fixtures';
import { writeNpmProject } from '../../helpers/fixture-repo';
import { FindingsPage } from '../pages/findings-page';
import { ProjectsPage } from '../pages/projects-page';
import { answerReviewerPrompt, previewAndRecordBulk } from '../pages/review-dialogs';

test('findings view: column filters, sorting, grouping with collapse, saved views, and a bulk decision on a selection', async ({ app }) => {
  const { page } = app;
  const repo = path.join(app.scratch, 'shop');
  writeNpmProject(repo, 'shop', [
    { name: 'mit-lib', version: '1.0.0', license: 'MIT' },
    { name: 'isc-lib', version: '1.0.0', license: 'ISC' },
    { name: 'gpl-lib', version: '1.0.0', license: 'GPL-3.0-only' },
  ]);
  await new ProjectsPage(page).scanFolder(repo);

  const findings = new FindingsPage(page);
  await findings.open();
  const total = await findings.count();

  // Column filter on kind, then sort by license (descending) from the header.
  await page.getByLabel('Filter by kind').selectOption('license-text');
  await expect(findings.rows().filter({ hasNotText: 'license-text' })).toHaveCount(0);
  const licenseTexts = await findings.count();
  await page.getByRole('columnheader', { name: 'License' }).getByRole('button').click();
  await page.getByRole('columnheader', { name: 'License' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'License' })).toHaveAttribute('aria-sort', 'descending');
  await expect(findings.rows().first()).toContainText('MIT');
  await expect(findings.rows().last()).toContainText('Apache-2.0');

  // Save it as a view; it survives a reload (localStorage) and comes back when chosen.
  await page.getByRole('button', { name: 'Save view…' }).click();
  await page.getByLabel('Name of the view').fill('License texts');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByLabel('Saved view')).toHaveValue('License texts');
  await page.reload();
  await findings.open();
  await page.getByLabel('Saved view').selectOption('Everything');
  await findings.expectCount(total);
  await page.getByLabel('Saved view').selectOption('License texts');
  await findings.expectCount(licenseTexts);
  await expect(page.getByRole('columnheader', { name: 'License' })).toHaveAttribute('aria-sort', 'descending');

  // Group by component: one header per component with its count; `g` collapses the focused row's group.
  await page.getByLabel('Saved view').selectOption('Everything');
  await page.getByLabel('Group by').selectOption('component');
  const headers = page.getByTestId('group-header');
  await expect(headers).toHaveCount(4);
  const gpl = headers.filter({ hasText: 'gpl-lib' });
  await expect(gpl).toContainText(/\d+ findings/);
  const gplCount = Number(/(\d+) findings/.exec((await gpl.textContent()) ?? '')?.[1]);
  await gpl.getByText(/\d+ findings/).click();
  await findings.leaveFields();
  await findings.press('g');
  await expect(gpl.getByRole('button', { expanded: false })).toBeVisible();
  await findings.expectCount(total - gplCount);
  await findings.press('g');
  await findings.expectCount(total);

  // Select two findings with x and decide on them together.
  await page.getByLabel('Group by').selectOption('');
  await findings.leaveFields();
  await findings.press('x');
  await findings.press('j');
  await findings.press('x');
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Decide on selection…' }).click();
  expect(await previewAndRecordBulk(page, { state: 'Not applicable', rationale: 'Build tooling, not shipped' })).toContain('2 new');
  await answerReviewerPrompt(page);
  // The decisions are recorded after the reviewer prompt closes; until then the dialog ("Decide on 2 selected") stays.
  await expect(page.getByRole('status').filter({ hasText: 'Recorded 2 decisions' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: /Decide on 2 selected/ })).toBeHidden();
  await expect(page.getByText('2 selected', { exact: true })).toBeHidden();
  await expect(findings.rows().nth(0)).toContainText('Not applicable');
  await expect(findings.rows().nth(1)).toContainText('Not applicable');
});
