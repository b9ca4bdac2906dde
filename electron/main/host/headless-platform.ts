import { AppError } from '../../../shared/api/errors.js';
import type { PlatformPort } from '../app-context.js';

/** Browser mode and the CLI have no native dialogs: the renderer asks for typed paths instead. */
export const headlessPlatform: PlatformPort = {
  mode: 'browser',
  canPickPaths: false,
  async pickPaths() {
    throw new AppError('unsupported', 'file dialogs are not available in browser mode; type or paste the path instead');
  },
  async revealPath() {
    throw new AppError('unsupported', 'revealing files is not available in browser mode');
  },
};
