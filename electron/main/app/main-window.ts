import { BrowserWindow, shell } from 'electron';
import path from 'node:path';
import { trustSender } from './trusted-senders.js';

export interface WindowPaths {
  preload: string;
  /** file path of the built index.html, or the dev server URL in `electron-vite dev`. */
  rendererFile: string;
  rendererUrl: string | null;
}

/**
 * The one window: sandboxed, context-isolated, no Node in the renderer, no navigation away from the app and no
 * new windows (external links open in the system browser only if they are https).
 */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Clearance',
    backgroundColor: '#1b1d21',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  trustSender(window.webContents);
  window.once('ready-to-show', () => window.show());

  const appOrigin = paths.rendererUrl ? new URL(paths.rendererUrl).origin : 'file://';
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(appOrigin)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  if (paths.rendererUrl) void window.loadURL(paths.rendererUrl);
  else void window.loadFile(path.resolve(paths.rendererFile));
  return window;
}
