// Runs the Playwright end-to-end specs: in Debian's Chromium against `clearance serve`, and against the
// Electron app where its binary exists (otherwise those specs report that they were skipped, and why).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CLEARANCE_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  if (process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    process.stdout.write('Installing Debian Chromium for the end-to-end tests…\n');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) : update;
    if (install.status !== 0) process.exit(install.status ?? 1);
  } else {
    process.stderr.write(`Chromium not found at ${chromium}. Install it (Debian: sudo apt-get install -y chromium) or set CLEARANCE_CHROMIUM.\n`);
    process.exit(1);
  }
}
if (!existsSync(path.join(root, 'out', 'main', 'cli.js'))) {
  const build = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync(path.join(root, 'node_modules', '.bin', 'playwright'), ['test', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
