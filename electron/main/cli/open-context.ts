import { isAppError } from '../../../shared/api/errors.js';
import type { AppContext } from '../app-context.js';
import { defaultWorkspacePath } from '../db/workspace-location.js';
import { createAppContext } from '../host/create-context.js';
import { headlessPlatform } from '../host/headless-platform.js';
import { CliError } from './cli-error.js';

export type CliContext = AppContext & { close(): Promise<void> };

/** Opens the workspace named by --db (or the default one), turning workspace problems into exit status 2. */
export function openCliContext(db: string | undefined): CliContext {
  try {
    return createAppContext({ workspacePath: db ?? defaultWorkspacePath(), platform: headlessPlatform });
  } catch (error) {
    if (isAppError(error)) throw new CliError(error.message, 2);
    throw error;
  }
}
