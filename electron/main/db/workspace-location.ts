import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The per-user application data folder, the same one Electron's app.getPath('userData') gives for the
 * product name "Clearance", so the CLI and the desktop app share the default workspace.
 * CLEARANCE_HOME overrides it (tests, portable installs).
 */
export function appDataDir(): string {
  if (process.env['CLEARANCE_HOME']) return path.resolve(process.env['CLEARANCE_HOME']);
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'Clearance');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Clearance');
    default:
      return path.join(process.env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), 'Clearance');
  }
}

export function defaultWorkspacePath(): string {
  return path.join(appDataDir(), 'workspace.clearance.sqlite');
}
