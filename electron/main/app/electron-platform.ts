import { dialog, shell, type BrowserWindow } from 'electron';
import type { PlatformPort } from '../app-context.js';

/** Native dialogs and the file manager, for the desktop app. */
export function electronPlatform(getWindow: () => BrowserWindow | null): PlatformPort {
  return {
    mode: 'electron',
    canPickPaths: true,
    async pickPaths(kind) {
      const window = getWindow();
      const options: Electron.OpenDialogOptions =
        kind === 'folder'
          ? { title: 'Add folders to scan', properties: ['openDirectory', 'multiSelections'] }
          : {
              title: 'Import SBOM files',
              properties: ['openFile', 'multiSelections'],
              filters: [
                { name: 'SBOM (CycloneDX, SPDX)', extensions: ['json', 'xml', 'spdx', 'yaml', 'yml', 'jsonld', 'cdx', 'bom'] },
                { name: 'All files', extensions: ['*'] },
              ],
            };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async revealPath(target) {
      shell.showItemInFolder(target);
    },
  };
}
