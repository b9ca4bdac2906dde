import { _electron, chromium, test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../../scripts/electron-binary.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const chromiumPath = process.env['CLEARANCE_CHROMIUM'] ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a closed network (as root in CI). */
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export interface AppUnderTest {
  page: Page;
  /** The workspace file this launch uses (fresh per test). */
  workspace: string;
  /** A scratch directory removed after the test. */
  scratch: string;
  /** For web mode: the base URL and token of the serve process. */
  url: string | null;
  token: string | null;
}

async function startServe(workspace: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'clearance.js'), 'serve', '--db', workspace, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLEARANCE_LOG: 'warn' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`clearance serve did not print its URL:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`clearance serve exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

export interface E2eOptions {
  mode: 'web' | 'electron';
}

export const test = base.extend<E2eOptions & { app: AppUnderTest }>({
  mode: ['web', { option: true }],
  app: async ({ mode }, use, testInfo) => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'clearance-e2e-'));
    const workspace = path.join(scratch, 'workspace.clearance.sqlite');
    try {
      if (mode === 'electron') {
        const binary = electronBinary();
        testInfo.skip(binary === null, 'no Electron binary on this machine (it downloads from GitHub, which is unreachable here); the same specs ran in Chromium');
        const app = await _electron.launch({
          executablePath: binary!,
          args: [path.join(repoRoot, 'out', 'main', 'index.js'), '--workspace', workspace],
          env: { ...process.env, CLEARANCE_HOME: scratch } as Record<string, string>,
        });
        const page = await app.firstWindow();
        await use({ page, workspace, scratch, url: null, token: null });
        await app.close();
        return;
      }
      testInfo.skip(!existsSync(chromiumPath), `Chromium not found at ${chromiumPath} (apt-get install -y chromium)`);
      const { child, url } = await startServe(workspace);
      const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
      const page = await browser.newPage();
      await page.goto(url);
      const parsed = new URL(url);
      await use({ page, workspace, scratch, url: parsed.origin, token: parsed.hash.replace('#token=', '') });
      await browser.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
