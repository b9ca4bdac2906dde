import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppContext } from '../app-context.js';

/** The native menu: its commands are carried out by the renderer (through a ui.command event) or here. */
export function installAppMenu(ctx: AppContext, getWindow: () => BrowserWindow | null, openWorkspace: (file: string) => void): void {
  const command = (name: 'add-folder' | 'import-sbom' | 'export' | 'open-settings' | 'show-projects') => () =>
    ctx.events.emit('ui.command', { command: name });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Add Folder…', accelerator: 'CmdOrCtrl+O', click: command('add-folder') },
        { label: 'Import SBOM…', accelerator: 'CmdOrCtrl+I', click: command('import-sbom') },
        { type: 'separator' },
        {
          label: 'Open Workspace…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: async () => {
            const window = getWindow();
            const options: Electron.OpenDialogOptions = {
              title: 'Open a Clearance workspace',
              properties: ['openFile', 'promptToCreate'],
              filters: [{ name: 'Clearance workspace', extensions: ['sqlite', 'clearance', 'db'] }],
            };
            const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
            if (!result.canceled && result.filePaths[0]) openWorkspace(result.filePaths[0]);
          },
        },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: command('export') },
        { type: 'separator' },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: command('open-settings') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: `Clearance ${app.getVersion()}`, enabled: false }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
