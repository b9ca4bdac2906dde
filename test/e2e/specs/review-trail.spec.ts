import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { runClearance } from '../../helpers/cli';
import { writeNpmProject } from '../../helpers/fixture-repo';
import { ComponentPage } from '../pages/component-page';
import { DecisionsPage } from '../pages/decisions-page';
import { ProjectsPage } from '../pages/projects-page';
import { answerReviewerPrompt } from '../pages/review-dialogs';

test('verifies, exports and imports the signed trail; conflicts side by side; a tampered record is named', async ({ app }) => {
  const { page } = app;
  const repo = path.join(app.scratch, 'shop');
  writeNpmProject(repo, 'shop', [{ name: 'mit-lib', version: '1.0.0', license: 'MIT' }]);
  await new ProjectsPage(page).scanFolder(repo);

  const decisions = new DecisionsPage(page);
  await decisions.open();
  await expect(page.getByText('No decisions recorded')).toBeVisible();

  const component = new ComponentPage(page);
  await component.openFromComponents('mit-lib');
  await component.chooseState('Approved');
  await component.record();
  await answerReviewerPrompt(page);
  await expect(component.history()).toHaveCount(1);

  await decisions.open();
  await expect(decisions.rows()).toHaveCount(1);
  expect(await decisions.verify()).toMatch(/Trail intact: 1 records.*Head hash [0-9a-f]{64}/);
  // A record opens in full: its place in the chain and its signature.
  await decisions.rows().first().dblclick();
  const record = page.getByRole('dialog', { name: 'Decision record' });
  await expect(record).toContainText('Record #1');
  await expect(record).toContainText('0'.repeat(64));
  await record.getByRole('button', { name: 'Close' }).click();
  await expect(record).toBeHidden();

  // Export: signed JSON Lines, one record per line.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (signed JSON Lines)' }).click();
  const exported = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
  expect(exported).toHaveLength(1);
  const line = JSON.parse(exported[0]!) as { format: string; body: { state: string; subjectKey: string; reviewer: { name: string } }; signature: string };
  expect(line).toMatchObject({ format: 'clearance-decision-line/1', body: { state: 'approved', subjectKey: 'pkg:npm/mit-lib@1.0.0', reviewer: { name: 'Ann Auditor' } } });

  // A colleague, in their own workspace, rejected the same component: their export comes in as a conflict.
  const theirs = path.join(app.scratch, 'bob.sqlite');
  const env = { CLEARANCE_PASSPHRASE: 'bobs passphrase' };
  expect(runClearance(['scan', repo, '--db', theirs], env).status).toBe(0);
  const decided = runClearance(['decide', 'pkg:npm/mit-lib@1.0.0', '--state', 'rejected', '--rationale', 'Our customer contract forbids it', '--project', 'shop', '--db', theirs, '--reviewer', 'Bob Builder', '--email', 'bob@example.org'], env);
  expect(decided.status, decided.stderr).toBe(0);
  const shared = path.join(app.scratch, 'bob-decisions.jsonl');
  expect(runClearance(['decisions', 'export', '--out', shared, '--db', theirs], env).status).toBe(0);

  await page.getByLabel('Import a decisions file').setInputFiles(shared);
  await expect(page.getByTestId('import-summary')).toHaveText('1 imported · 0 already present · 1 conflicts · 0 rejected');
  const conflict = page.getByTestId('conflict-row');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByRole('cell').nth(1)).toContainText('Approved');
  await expect(conflict.getByRole('cell').nth(1)).toContainText('Ann Auditor');
  await expect(conflict.getByRole('cell').nth(2)).toContainText('Rejected');
  await expect(conflict.getByRole('cell').nth(2)).toContainText('Our customer contract forbids it');
  await expect(conflict.getByRole('cell').nth(2)).toContainText('Bob Builder');
  // Nothing was overwritten: both are in the trail, the local one still in force.
  await expect(decisions.rows()).toHaveCount(2);
  await component.openFromComponents('mit-lib');
  await expect(page.getByTestId('current-decision')).toContainText('Approved');
  await expect(page.getByTestId('current-decision')).toContainText('In conflict with Rejected by Bob Builder');

  // A line edited in a shared file is rejected, naming the line.
  const tamperedFile = path.join(app.scratch, 'tampered.jsonl');
  writeFileSync(tamperedFile, readFileSync(shared, 'utf8').replace('Our customer contract forbids it', 'Approved after all'));
  await decisions.open();
  await page.getByLabel('Import a decisions file').setInputFiles(tamperedFile);
  await expect(page.getByTestId('import-summary')).toContainText('1 rejected');
  await expect(page.getByLabel('Import report')).toContainText('line 1:');

  // Someone edits the workspace file behind the app's back: verification names the record.
  const db = new Database(app.workspace);
  db.exec('DROP TRIGGER IF EXISTS decisions_are_append_only_update');
  db.prepare("UPDATE decisions SET rationale = 'nothing to see' WHERE seq = 1").run();
  db.close();
  expect(await decisions.verify()).toMatch(/Trail broken at record #1 \(altered\)/);
});
