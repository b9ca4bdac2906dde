import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { isAppError } from '../../../shared/api/errors.js';
import { rendererDir } from '../app-paths.js';
import { acquireWorkspaceLock } from '../db/workspace-lock.js';
import { startHttpBridge } from '../host/http-bridge.js';
import { CliError, usageError } from './cli-error.js';
import { openCliContext } from './open-context.js';

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`could not open a browser; open the URL above yourself\n`));
  child.unref();
}

/** Runs until interrupted: the app's API and renderer over loopback HTTP for a browser (and for e2e tests). */
export async function serveCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean', default: false } },
    }));
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port must be a number from 0 to 65535, not "${values.port}"`);

  const ctx = openCliContext(values.db);
  let release: () => void;
  try {
    release = acquireWorkspaceLock(ctx.workspacePath, 'clearance serve');
  } catch (error) {
    await ctx.close();
    if (isAppError(error)) throw new CliError(error.message, 2);
    throw error;
  }
  // However the process ends, the lock goes with it (a stale lock is also taken over, but only on this host).
  process.once('exit', release);
  let bridge;
  try {
    bridge = await startHttpBridge(ctx, { port, staticDir: rendererDir });
  } catch (error) {
    release();
    await ctx.close();
    throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`, 2);
  }
  process.stdout.write(`Clearance is serving ${ctx.workspacePath}\n${bridge.url}\n`);
  if (values.open) openBrowser(bridge.url);

  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stderr.write('stopping…\n');
  await bridge.close();
  await ctx.close();
  release();
  return 0;
}
