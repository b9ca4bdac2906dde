import { defineConfig } from '@playwright/test';
import type { E2eOptions } from './test/e2e/fixtures';

/**
 * End-to-end specs run twice where possible: in a real browser against `clearance serve` (project "web", Debian's
 * Chromium), and against the desktop app through Playwright's _electron (project "electron", skipped with the
 * reason when no Electron binary is installed).
 */
export default defineConfig<E2eOptions>({
  testDir: 'test/e2e/specs',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web', use: { mode: 'web' } },
    { name: 'electron', use: { mode: 'electron' } },
  ],
});
