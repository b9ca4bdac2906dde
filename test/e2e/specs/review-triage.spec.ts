import path from 'node:path';
import { expect, test } from '../fixtures';
import { writeNpmProject } from '../../helpers/fixture-repo';
import { DecisionsPage } from '../pages/decisions-page';
import { FindingsPage } from '../pages/findings-page';
import { ProjectsPage } from '../pages/projects-page';
import { answerReviewerPrompt } from '../pages/review-dialogs';

test('triages ten findings with the keyboard: move, approve, reject, send to legal, edit the license, undo', async ({ app }) => {
  const { page } = app;
  const repo = path.join(app.scratch, 'shop');
  writeNpmProject(repo, 'shop', [
    { name: 'alpha', version: '1.0.0', license: 'MIT' },
    { name: 'beta', version: '1.0.0', license: 'ISC' },
    { name: 'gamma', version: '1.0.0', license: 'GPL-3.0-only' },
    { name: 'delta', version: '1.0.0', license: 'BSD-3-Clause' },
  ]);
  await new ProjectsPage(page).scanFolder(repo);

  const findings = new FindingsPage(page);
  await findings.open();
  const total = await findings.count();
  expect(total).toBeGreaterThanOrEqual(12);
  await findings.expectChip('decided', 0);

  // The sheet lists the keys; Escape closes it.
  await findings.leaveFields();
  await findings.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Send to legal review');
  await expect(sheet).toContainText('Undo the last decision');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // Keys typed into the search box are text, not decisions.
  const search = page.getByRole('searchbox', { name: 'Search findings' });
  await search.click();
  await page.keyboard.type('alar');
  await expect(search).toHaveValue('alar');
  await findings.expectCount(0);
  await search.fill('');
  await findings.expectCount(total);
  await findings.leaveFields();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // j/k move the focused row.
  const first = await findings.activeText();
  await findings.press('j');
  await findings.press('j');
  const third = await findings.activeText();
  expect(third).not.toBe(first);
  await findings.press('k');
  await findings.press('k');
  expect(await findings.activeText()).toBe(first);

  // Ten decisions, one row after the other (the focus steps down after each).
  const plan = ['a', 'a', 'a', 'r', 'a', 'l', 'a', 'n', 'a', 'a'];
  const rationales: Record<string, string> = { r: 'Strong copyleft in a shipped binary', l: 'Ask counsel about the notice wording', n: 'Test fixture, not shipped' };
  for (const [i, key] of plan.entries()) {
    const before = await findings.activeRow().getAttribute('aria-rowindex');
    await findings.press(key);
    if (i === 0) await answerReviewerPrompt(page);
    if (rationales[key]) {
      const dialog = page.getByRole('dialog', { name: 'Decide' });
      await expect(dialog.getByLabel(/Rationale/)).toBeFocused();
      await page.keyboard.type(rationales[key]);
      await page.keyboard.press('Control+Enter');
      await expect(dialog).toBeHidden();
    }
    await expect(findings.activeRow()).not.toHaveAttribute('aria-rowindex', before!);
  }
  await findings.expectChip('decided', 9);
  await findings.expectChip('pending', 1);
  const decidedRows = findings.rows().filter({ has: page.getByTestId('finding-status').filter({ hasText: /^(Decided|Legal review)$/ }) });
  await expect(decidedRows).toHaveCount(10);

  // Edit the concluded license of the first row: checked as typed, completed from the SPDX list.
  await findings.press('Home');
  const firstRowIndex = await findings.activeRow().getAttribute('aria-rowindex');
  await findings.press('e');
  const dialog = page.getByRole('dialog', { name: 'Decide' });
  const license = dialog.getByRole('combobox', { name: 'Concluded license' });
  await expect(license).toBeFocused();
  await license.fill('MIT OR');
  await expect(dialog.getByText(/invalid SPDX expression/)).toBeVisible();
  await license.fill('MIT OR apache-2');
  await dialog.getByRole('option', { name: /Apache-2\.0/ }).first().click();
  await expect(dialog.getByText('Valid SPDX expression: MIT OR Apache-2.0')).toBeVisible();
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog).toBeHidden();
  const edited = findings.table.locator(`[aria-rowindex="${firstRowIndex}"]`);
  await expect(edited).toContainText('MIT OR Apache-2.0');

  // Undo records a new decision restoring the one before: the license goes away again.
  await findings.leaveFields();
  await findings.press('u');
  await expect(page.getByRole('status').filter({ hasText: /Undone: .* is Approved again/ })).toBeVisible();
  await expect(edited).not.toContainText('MIT OR Apache-2.0');
  await expect(edited.getByTestId('finding-status')).toHaveText('Decided');
  // The next undo is of a first decision: nothing to restore, and the app says so.
  await findings.press('u');
  await expect(page.getByRole('alert').filter({ hasText: /Cannot undo: .* had no decision before/ })).toBeVisible();

  // The trail: ten current decisions, twelve records with the superseded ones.
  const decisions = new DecisionsPage(page);
  await decisions.open();
  await expect(decisions.rows()).toHaveCount(10);
  await page.getByLabel('Show superseded history').check();
  await expect(decisions.rows()).toHaveCount(12);
  expect(await decisions.verify()).toContain('Trail intact: 12 records');
});
