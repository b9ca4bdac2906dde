import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: two levels above this module both in source (electron/main/) and when bundled (out/main/,
 * where every chunk is emitted flat — see electron.vite.config.ts).
 */
export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const appVersion: string = (JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;

export const defaultResourcesDir = path.join(appRoot, 'resources');

/** The built renderer (index.html + assets), served by `clearance serve`. */
export const rendererDir = path.join(appRoot, 'out', 'renderer');
