// `npm start`: the desktop app where Electron is available; otherwise browser mode (`clearance serve --open`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronPackageDir } from './electron-binary.mjs';
import { ensureElectronNative } from './native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function tryDownloadElectron() {
  const dir = electronPackageDir();
  if (!dir || process.env.CLEARANCE_NO_ELECTRON_DOWNLOAD === '1') return null;
  // Electron downloads its binary lazily from GitHub; give it a bounded chance on machines with a network.
  spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return electronBinary();
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary() ?? tryDownloadElectron();
if (binary) {
  ensureElectronNative();
  run(bin('electron-vite'), ['dev']);
} else {
  process.stdout.write('Electron binary is not available on this machine (it downloads from GitHub); starting browser mode instead.\n');
  if (!existsSync(path.join(root, 'out', 'main', 'cli.js')) || !existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    const build = spawnSync(bin('electron-vite'), ['build'], { stdio: 'inherit', cwd: root });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  run(process.execPath, [path.join(root, 'bin', 'clearance.js'), 'serve', '--open', ...process.argv.slice(2)]);
}
