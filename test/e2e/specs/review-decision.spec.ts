import path from 'node:path';
import { expect, test } from '../fixtures';
import { writeNpmProject } from '../../helpers/fixture-repo';
import { ComponentPage } from '../pages/component-page';
import { ProjectsPage } from '../pages/projects-page';
import { answerReviewerPrompt, reviewer } from '../pages/review-dialogs';

test('writes a decision with a rationale on the component page: validation, OR choices, history, reviewer identity', async ({ app }) => {
  const { page } = app;
  const repo = path.join(app.scratch, 'shop');
  writeNpmProject(repo, 'shop', [
    // Dual-licensed: the policy (binary distribution) allows the MIT choice only.
    { name: 'dual-lib', version: '1.2.0', license: 'MIT OR GPL-3.0-only', licenseFile: 'MIT' },
    { name: 'helper', version: '0.1.0', license: 'ISC', dependencies: { 'dual-lib': '^1.2.0' } },
  ]);
  await new ProjectsPage(page).scanFolder(repo);

  const component = new ComponentPage(page);
  await component.openFromComponents('dual-lib');
  await expect(page.getByTestId('declared-license')).toHaveText('MIT OR GPL-3.0-only');
  await expect(page.getByTestId('detected-licenses')).toContainText('MIT');
  await expect(page.getByTestId('concluded-license')).toContainText('no decision');
  await expect(page.getByRole('list', { name: 'Dependency paths' })).toContainText('shop@1.0.0 → helper@0.1.0 → dual-lib@1.2.0');
  await expect(page.getByLabel('Policy result')).toContainText('allow');
  await expect(page.getByTestId('current-decision').or(page.getByText('Not decided yet.'))).toHaveText('Not decided yet.');

  // A rejection needs a rationale: nothing is recorded without one.
  await component.chooseState('Rejected');
  await component.record();
  await expect(component.form.getByText('A rationale is required for "Rejected".')).toBeVisible();
  await expect(component.history()).toHaveCount(0);

  // The concluded license is checked as it is typed; the policy's allowed choice is one click.
  const license = component.form.getByRole('combobox', { name: 'Concluded license' });
  await license.fill('MIT OR gpl-3.0-o');
  await expect(component.form.getByRole('option', { name: /^GPL-3\.0-only/ })).toBeVisible();
  await license.press('Escape');
  await expect(component.form.getByRole('listbox')).toBeHidden();
  await expect(component.form.getByText(/invalid SPDX expression "MIT OR gpl-3.0-o"/)).toBeVisible();
  await component.form.getByRole('button', { name: 'MIT', exact: true }).click();
  await expect(license).toHaveValue('MIT');
  await expect(component.form.getByText('Valid SPDX expression: MIT')).toBeVisible();

  // An exception needs an expiry date.
  await component.chooseState('Exception');
  await component.form.getByLabel(/^Rationale/).fill('Until the vendor confirms the MIT choice in writing.');
  await component.record();
  await expect(component.form.getByText('An exception needs an expiry date.')).toBeVisible();

  await component.chooseState('Approved with conditions');
  await component.form.getByLabel(/^Rationale/).fill('Dual-licensed; we take the MIT option and ship its notice.');
  await component.form.getByLabel('attribution').check();
  await component.record();
  await answerReviewerPrompt(page);

  const entry = component.history().first();
  await expect(entry).toContainText('Approved with conditions');
  await expect(entry).toContainText('concluded MIT');
  await expect(entry).toContainText('Dual-licensed; we take the MIT option and ship its notice.');
  await expect(entry).toContainText(`${reviewer.name} <${reviewer.email}>`);
  await expect(entry).toContainText('obligations: attribution');
  await expect(entry).toContainText('current');
  await expect(page.getByTestId('concluded-license')).toHaveText('MIT');
  await expect(page.getByTestId('current-decision')).toContainText('Approved with conditions');

  // A second decision supersedes the first; the history keeps both.
  await component.chooseState('Needs legal review');
  await component.form.getByLabel(/^Rationale/).fill('Counsel asked to see every dual-licensed package.');
  await component.record();
  await expect(component.history()).toHaveCount(2);
  await expect(component.history().first()).toContainText('Needs legal review');
  await expect(component.history().nth(1)).toContainText('superseded by');

  // The reviewer entered on the first decision is the workspace's reviewer, with an unlocked key.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Name')).toHaveValue(reviewer.name);
  await expect(page.getByLabel('Email')).toHaveValue(reviewer.email);
  await expect(page.getByTestId('reviewer-key-status')).toContainText('unlocked for this session');
});
