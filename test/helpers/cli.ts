import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliBundle = path.join(repoRoot, 'out', 'main', 'cli.js');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `clearance` command (bin/clearance.js over the built bundle) in a child process. */
export function runClearance(args: string[], env: Record<string, string> = {}, options: { cwd?: string } = {}): CliRun {
  if (!existsSync(cliBundle)) throw new Error(`${cliBundle} is missing: run "npm run build" first`);
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'clearance.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CLEARANCE_LOG: 'warn', ...env },
    timeout: 120_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
