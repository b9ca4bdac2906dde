import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { writeNpmProject } from '../../helpers/fixture-repo';
import { filledText } from '../../helpers/license-texts';
import { FindingsPage } from '../pages/findings-page';
import { ProjectsPage } from '../pages/projects-page';

test('a modified MIT text: flagged in the findings, highlighted in the file, compared word by word with the SPDX text', async ({ app }) => {
  const { page } = app;
  const repo = path.join(app.scratch, 'shop');
  writeNpmProject(repo, 'shop', [{ name: 'almost-mit', version: '1.0.0', license: 'MIT' }]);
  // The condition keeps the copyright notice but drops "and this permission notice" and "or substantial portions".
  const mit = filledText('MIT', 'Jane Example').replace(/[ \t]*\n(?!\n)[ \t]*/g, ' ');
  const weakened = mit.replace(
    'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.',
    'The above copyright notice shall be included in all copies of the Software.',
  );
  expect(weakened).not.toBe(mit);
  writeFileSync(path.join(repo, 'node_modules', 'almost-mit', 'LICENSE'), weakened);
  await new ProjectsPage(page).scanFolder(repo);

  // The findings say how close each match is; sorted by it, the modified text comes first.
  const findings = new FindingsPage(page);
  await findings.open();
  await page.getByLabel('Filter by kind').selectOption('license-text');
  await page.getByRole('columnheader', { name: 'Match' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Match' })).toHaveAttribute('aria-sort', 'ascending');
  const first = findings.rows().first();
  await expect(first).toContainText('node_modules/almost-mit/LICENSE');
  await expect(first.getByRole('gridcell').nth(3)).toHaveText('MIT');
  await expect(first).toContainText(/\d+% · modified/);

  // The file view: every line of the match highlighted, the finding listed with its score.
  await first.getByRole('link', { name: /almost-mit\/LICENSE/ }).click();
  await expect(page.getByRole('heading', { name: 'node_modules/almost-mit/LICENSE', level: 1 })).toBeVisible();
  const listed = page.getByRole('complementary', { name: 'Findings in this file' }).getByRole('button', { name: /^license-text MIT lines/ });
  await expect(listed).toContainText(/lines 1–\d+ · \d+% · modified/);
  const content = page.getByRole('region', { name: 'File content' });
  await expect(content.locator('.code-line.marked').first()).toContainText('MIT License');
  await expect(content.locator('.code-line.selected').filter({ hasText: 'The above copyright notice shall be included' })).toHaveCount(1);

  // Beside it, the SPDX text of MIT with what the file lacks struck out.
  const diff = page.getByLabel('Differences from the SPDX text of MIT', { exact: true });
  await expect(diff).toContainText(/\d+ characters only in the file, \d+ only in the reference/);
  await expect(diff.locator('del').filter({ hasText: 'and this permission notice' })).toHaveCount(1);
  await expect(diff.locator('del').filter({ hasText: 'substantial portions' })).toHaveCount(1);

  // Long lines wrap by default; unwrapped, every line is one row again, and the choice is remembered.
  const wrap = page.getByLabel('Wrap long lines');
  await expect(wrap).toBeChecked();
  await wrap.uncheck();
  await expect(content).not.toHaveClass(/\bwrap\b/);
  await page.reload();
  await expect(page.getByLabel('Wrap long lines')).not.toBeChecked();
});
