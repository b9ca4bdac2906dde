// Builds better-sqlite3 for Electron's ABI beside the Node build, so the same checkout runs the CLI and tests
// under Node and the app under Electron without rebuilding back and forth. electron/main/db/native-binding.ts
// picks the Electron copy at run time. (Packaged apps are rebuilt by electron-builder instead.)
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { electronAbi, electronVersion } from './electron-binary.mjs';

const requireFromHere = createRequire(import.meta.url);

export function electronNativeTarget() {
  const abi = electronAbi();
  const packageDir = path.dirname(requireFromHere.resolve('better-sqlite3/package.json'));
  return path.join(packageDir, '..', '.clearance-native', `electron-${abi}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}

export function ensureElectronNative({ quiet = false } = {}) {
  const target = electronNativeTarget();
  if (existsSync(target)) return target;
  const version = electronVersion();
  const packageDir = path.dirname(requireFromHere.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(path.join(tmpdir(), 'clearance-native-'));
  const copy = path.join(work, 'better-sqlite3');
  if (!quiet) process.stdout.write(`Building better-sqlite3 for Electron ${version} (once; about a minute)…\n`);
  try {
    cpSync(packageDir, copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}build${path.sep}`) });
    const nodeGyp = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    const gyp = existsSync(nodeGyp) ? [process.execPath, [nodeGyp]] : ['npx', ['--yes', 'node-gyp']];
    execFileSync(gyp[0], [...gyp[1], 'rebuild', '--release', `--target=${version}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], {
      cwd: copy,
      stdio: quiet ? 'ignore' : 'inherit',
    });
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(copy, 'build', 'Release', 'better_sqlite3.node'), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${ensureElectronNative()}\n`);
}
