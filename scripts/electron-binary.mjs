// Finds the Electron binary without triggering Electron's lazy download (require('electron') would start one).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const requireFromHere = createRequire(import.meta.url);

export function electronPackageDir() {
  try {
    return path.dirname(requireFromHere.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The executable's path when it is installed, else null. */
export function electronBinary() {
  const dir = electronPackageDir();
  if (!dir) return null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export function electronVersion() {
  const dir = electronPackageDir();
  return dir ? JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version : null;
}

export function electronAbi() {
  const dir = electronPackageDir();
  const file = dir ? path.join(dir, 'abi_version') : null;
  return file && existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}
