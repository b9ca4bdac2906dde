import { ipcMain, webContents } from 'electron';
import type { AppContext } from '../app-context.js';
import { dispatch } from '../api/dispatch.js';
import { logger } from '../log/logger.js';
import { isTrustedSender, trustedIds } from './trusted-senders.js';

export const invokeChannel = 'api:invoke';
export const eventChannel = 'api:event';

/** Transport A: one IPC channel for every method, one for every event; calls from unknown senders are dropped. */
export function registerIpcTransport(ctx: AppContext): () => void {
  ipcMain.handle(invokeChannel, async (event, method: unknown, params: unknown) => {
    if (!isTrustedSender(event.sender)) {
      logger.warn(`dropped IPC call ${String(method)} from an untrusted sender`);
      return { ok: false, error: { code: 'bad-request', message: 'untrusted sender' } };
    }
    return dispatch(ctx, String(method), params);
  });
  const unsubscribe = ctx.events.subscribe((message) => {
    for (const id of trustedIds()) webContents.fromId(id)?.send(eventChannel, message);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(invokeChannel);
  };
}
