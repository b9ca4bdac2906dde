import path from 'node:path';
import { expect, test } from '../fixtures';
import { writeNpmProject } from '../../helpers/fixture-repo';
import { FindingsPage } from '../pages/findings-page';
import { PolicyPage } from '../pages/policy-page';
import { ProjectsPage } from '../pages/projects-page';

test('edits the policy with per-line validation, saves a version and sees the findings change', async ({ app }) => {
  const { page } = app;
  const repo = path.join(app.scratch, 'shop');
  writeNpmProject(repo, 'shop', [
    { name: 'isc-lib', version: '1.0.0', license: 'ISC' },
    { name: 'mit-lib', version: '1.0.0', license: 'MIT' },
    { name: 'gpl-lib', version: '1.0.0', license: 'GPL-3.0-only' },
  ]);
  await new ProjectsPage(page).scanFolder(repo);

  // Before: the ISC component's findings are allowed.
  const findings = new FindingsPage(page);
  await findings.open();
  await page.getByLabel('Filter by component').fill('isc-lib');
  await expect(findings.rows().filter({ hasNotText: 'isc-lib' })).toHaveCount(0);
  await expect(findings.rows().getByTestId('finding-policy').filter({ hasNotText: 'allow' })).toHaveCount(0);
  await expect(findings.rows().getByTestId('finding-policy').first()).toHaveText('allow');

  const policy = new PolicyPage(page);
  await policy.open();
  const before = await policy.counts('shop');
  expect(before.deny).toBeGreaterThanOrEqual(1); // GPL in a distributed binary
  await expect(page.getByRole('list', { name: 'Policy versions' }).or(page.getByText('No version saved yet'))).toContainText('No version saved yet');

  // A mistake is reported on its line, and the policy cannot be saved.
  await policy.editor.fill('name: Shop policy\nlicenses:\n  ISC: forbid\n');
  const problem = page.getByTestId('policy-problem').first();
  await expect(problem).toContainText('Line 3');
  await expect(problem).toContainText('forbid');
  await expect(page.getByRole('button', { name: 'Save as new version' })).toBeDisabled();

  await policy.editor.fill('name: Shop policy\nlicenses:\n  ISC: deny\n');
  await expect(page.getByText('The policy is valid.')).toBeVisible();
  await page.getByLabel('Comment for this version').fill('ISC is not allowed here');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  const versions = page.getByRole('list', { name: 'Policy versions' });
  await expect(versions.getByTestId('policy-version')).toHaveCount(1);
  await expect(versions).toContainText('in force');
  await expect(versions).toContainText('ISC is not allowed here');
  await expect.poll(async () => (await policy.counts('shop')).deny).toBe(before.deny + 1);

  // The distribution model changes the results too: for internal use, strong copyleft is allowed.
  await page.getByLabel('Distribution model of shop').selectOption('internal');
  await expect.poll(async () => (await policy.counts('shop')).deny).toBe(1);
  await expect(page.getByRole('figure', { name: 'Policy results chart' })).toBeVisible();

  // After: the same findings are now denied.
  await findings.open();
  await page.getByLabel('Filter by component').fill('isc-lib');
  await expect(findings.rows().filter({ hasNotText: 'isc-lib' })).toHaveCount(0);
  await expect(findings.rows().getByTestId('finding-policy').filter({ hasNotText: 'deny' })).toHaveCount(0);
  await expect(findings.rows().getByTestId('finding-policy').first()).toHaveText('deny');
});
