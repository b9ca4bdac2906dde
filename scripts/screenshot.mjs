// Regenerates docs/screenshot.png: the sample project in browser mode, in Debian's Chromium.
// Usage: node scripts/screenshot.mjs   (after npm run build)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'clearance-shot-'));
const serve = spawn(process.execPath, [path.join(root, 'bin', 'clearance.js'), 'serve', '--db', path.join(scratch, 'ws.sqlite')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, CLEARANCE_HOME: scratch },
});
const url = await new Promise((resolve) => {
  let out = '';
  serve.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
    if (match) resolve(match[1]);
  });
});
const browser = await chromium.launch({ executablePath: process.env.CLEARANCE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1360, height: 820 }, colorScheme: 'light' });
await page.goto(url);
await page.getByRole('button', { name: 'Open the sample project' }).click();
await page.getByTestId('job').first().getByText('finished').waitFor({ timeout: 60_000 });
await page.getByTestId('project-row').first().getByRole('link').first().click();
await page.getByRole('grid', { name: 'components' }).waitFor();
// A clean frame: no toast or finished-job card over the table.
for (const button of await page.getByRole('button', { name: /^Dismiss/ }).all()) await button.click({ timeout: 5000 }).catch(() => undefined);
await page.waitForTimeout(500);
await page.screenshot({ path: path.join(root, 'docs', 'screenshot.png') });
await browser.close();
serve.kill('SIGTERM');
rmSync(scratch, { recursive: true, force: true });
console.log('docs/screenshot.png written');
