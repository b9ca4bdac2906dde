import { app, dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAppError } from '../../shared/api/errors.js';
import { createMainWindow } from './app/main-window.js';
import { electronPlatform } from './app/electron-platform.js';
import { installAppMenu } from './app/app-menu.js';
import { registerIpcTransport } from './app/ipc-transport.js';
import { acquireWorkspaceLock } from './db/workspace-lock.js';
import { createAppContext } from './host/create-context.js';
import { startHttpBridge } from './host/http-bridge.js';

/** App lifecycle only: one instance, open the workspace, create the window, register the transports. */
const here = path.dirname(fileURLToPath(import.meta.url));

function workspaceArgument(): string | null {
  const index = process.argv.indexOf('--workspace');
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}

if (!app.requestSingleInstanceLock()) {
  process.stderr.write('Clearance is already running; focusing the open window.\n');
  app.exit(0);
} else {
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  void app.whenReady().then(async () => {
    const workspacePath = workspaceArgument() ?? path.join(app.getPath('userData'), 'workspace.clearance.sqlite');
    const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'app.asar.unpacked', 'resources') : path.join(app.getAppPath(), 'resources');
    let release: () => void;
    let ctx: ReturnType<typeof createAppContext>;
    try {
      release = acquireWorkspaceLock(workspacePath, 'Clearance desktop');
      ctx = createAppContext({ workspacePath, platform: electronPlatform(() => window), resourcesDir });
    } catch (error) {
      dialog.showErrorBox('Clearance cannot open the workspace', isAppError(error) ? error.message : String(error));
      app.exit(2);
      return;
    }
    const stopIpc = registerIpcTransport(ctx);
    // The loopback bridge exists for browser debugging and tests; it never starts unless asked for.
    const bridge = process.env['CLEARANCE_HTTP_BRIDGE'] === '1' ? await startHttpBridge(ctx, { staticDir: path.join(here, '..', 'renderer') }) : null;
    if (bridge) process.stdout.write(`${bridge.url}\n`);

    const openWindow = (): void => {
      window = createMainWindow({
        preload: path.join(here, '..', 'preload', 'index.cjs'),
        rendererFile: path.join(here, '..', 'renderer', 'index.html'),
        rendererUrl: !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null,
      });
      window.on('closed', () => (window = null));
    };
    installAppMenu(ctx, () => window, (file) => {
      app.relaunch({ args: [...process.argv.slice(1).filter((a, i, all) => a !== '--workspace' && all[i - 1] !== '--workspace'), '--workspace', file] });
      app.quit();
    });
    openWindow();
    app.on('activate', () => {
      if (!window) openWindow();
    });
    let quitting = false;
    app.on('before-quit', (event) => {
      if (quitting) return;
      event.preventDefault();
      quitting = true;
      void (async () => {
        stopIpc();
        await bridge?.close();
        await ctx.close();
        release();
        app.quit();
      })();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
