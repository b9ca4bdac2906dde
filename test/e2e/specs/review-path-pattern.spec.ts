import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { filledText } from '../../helpers/license-texts';
import { ProjectsPage } from '../pages/projects-page';
import { answerReviewerPrompt } from '../pages/review-dialogs';

test('a path-pattern decision covers the findings of every matching file in the project', async ({ app }) => {
  const { page } = app;
  const repo = path.join(app.scratch, 'tool');
  mkdirSync(path.join(repo, 'test', 'fixtures'), { recursive: true });
  mkdirSync(path.join(repo, 'src'), { recursive: true });
  writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'tool', version: '2.0.0', license: 'MIT' }));
  writeFileSync(path.join(repo, 'LICENSE'), filledText('MIT', 'Tool Authors'));
  writeFileSync(path.join(repo, 'src', 'main.js'), '// SPDX-License-Identifier: MIT\nexport const main = 1;\n');
  // Test fixtures with copyleft texts: not shipped, so not applicable.
  writeFileSync(path.join(repo, 'test', 'fixtures', 'gpl.txt'), filledText('GPL-3.0-only', 'Someone'));
  writeFileSync(path.join(repo, 'test', 'fixtures', 'agpl.c'), '// SPDX-License-Identifier: AGPL-3.0-only\nint main(void) { return 0; }\n');

  await new ProjectsPage(page).scanFolder(repo);
  await page.getByTestId('project-row').filter({ hasText: 'tool' }).getByRole('link', { name: 'tool' }).click();
  await page.getByRole('grid', { name: 'components' }).getByRole('link', { name: 'tool', exact: true }).click();

  await page.getByRole('radio', { name: /not applicable/i }).check();
  await page.getByLabel('Path pattern').fill('test/**');
  await page.getByLabel(/Rationale/).fill('test fixtures are not shipped');
  await page.getByRole('button', { name: /Record decision/ }).click();
  await answerReviewerPrompt(page);
  // The decision is about files, not this component: the page says where it went.
  await expect(page.getByRole('status').filter({ hasText: 'for the findings of files matching test/** in this project' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions' }).click();
  await expect(page.getByText(/test\/\*\* in tool/).first()).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
  const grid = page.getByRole('grid', { name: 'findings' });
  const fixtureRow = grid.getByRole('row').filter({ hasText: 'test/fixtures/agpl.c' }).first();
  await expect(fixtureRow).toContainText('Decided');
  await expect(grid.getByRole('row').filter({ hasText: 'src/main.js' }).first()).not.toContainText('Decided');
});
