import { expect, type Page } from '@playwright/test';

export const reviewer = { name: 'Ann Auditor', email: 'ann@example.org', passphrase: 'correct horse battery staple' };

/** Answers "Who is deciding?" (shown on the first decision of a workspace) and creates the signing key. */
export async function answerReviewerPrompt(page: Page, who = reviewer): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Reviewer' });
  await expect(dialog.getByRole('heading', { name: 'Who is deciding?' })).toBeVisible();
  await dialog.getByLabel('Name').fill(who.name);
  await dialog.getByLabel('Email').fill(who.email);
  await dialog.getByLabel(/Passphrase/).fill(who.passphrase);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toBeHidden();
}

/** The bulk decision dialog: preview first, then record. Returns the preview summary text. */
export async function previewAndRecordBulk(page: Page, options: { state?: string; license?: string; rationale?: string } = {}): Promise<string> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Preview' }) });
  if (options.state) await dialog.getByLabel('State').selectOption({ label: options.state });
  if (options.license !== undefined) await dialog.getByLabel('Concluded license (optional)').fill(options.license);
  if (options.rationale) await dialog.getByLabel(/Rationale/).fill(options.rationale);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const summary = dialog.getByTestId('bulk-summary');
  await expect(summary).toBeVisible();
  const text = (await summary.textContent()) ?? '';
  await dialog.getByRole('button', { name: /^Record \d+ decisions$/ }).click();
  return text;
}
