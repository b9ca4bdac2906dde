import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAppError } from '../../../shared/api/errors.js';
import type { ReadableDb } from '../db/db-types.js';
import { findProjectByName } from '../db/repositories/projects-repo.js';
import { currentReviewer } from '../db/repositories/reviewers-repo.js';
import { CliError, usageError } from './cli-error.js';

/** Runs a service call, turning its errors into exit statuses: bad input 2, anything else 1. */
export function service<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isAppError(error)) throw new CliError(error.message, error.code === 'internal' || error.code === 'conflict' ? 1 : 2);
    throw error;
  }
}

function gitConfig(key: string): string | undefined {
  try {
    return execFileSync('git', ['config', '--get', key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** --reviewer/--email, else CLEARANCE_REVIEWER_NAME/EMAIL, else git's user.name/email, else the workspace's reviewer. */
export function reviewerIdentity(db: ReadableDb, flags: { reviewer?: string | undefined; email?: string | undefined }): { name: string; email: string } {
  const stored = currentReviewer(db);
  const name = flags.reviewer ?? (process.env['CLEARANCE_REVIEWER_NAME'] || undefined) ?? gitConfig('user.name') ?? stored?.name;
  const email = flags.email ?? (process.env['CLEARANCE_REVIEWER_EMAIL'] || undefined) ?? gitConfig('user.email') ?? stored?.email;
  if (!name || !email) {
    throw usageError('who is deciding? give --reviewer NAME --email EMAIL (or set CLEARANCE_REVIEWER_NAME and CLEARANCE_REVIEWER_EMAIL)');
  }
  return { name, email };
}

/** --passphrase-file, else CLEARANCE_PASSPHRASE (read later by the service). */
export function passphraseOption(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new CliError(`${file}: cannot read the passphrase file (${(error as Error).message})`, 2);
  }
}

export function projectIdByName(db: ReadableDb, name: string | undefined, workspacePath: string): number | undefined {
  if (name === undefined) return undefined;
  const project = findProjectByName(db, name);
  if (!project) throw new CliError(`no project named "${name}" in ${workspacePath}`, 2);
  return project.id;
}

export function parseCliArgs<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw usageError((error as Error).message);
  }
}
