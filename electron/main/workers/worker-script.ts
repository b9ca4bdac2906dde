import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The worker entry points; each is a file in electron/main/workers/ and a bundle entry in out/main/. */
export type WorkerEntry = 'index-worker' | 'analyze-worker';

let bundleDir: string | null = null;

/** Called by bundled entry points (out/main/index.js, cli.js) so workers start from the sibling bundles. */
export function useBundledWorkers(dir: string): void {
  bundleDir = dir;
}

const sourceDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts a worker from the built bundle when running bundled, or from TypeScript source through tsx when
 * running from source (vitest, tsx scripts), so tests exercise the same worker code as the app.
 */
export function startWorker(entry: WorkerEntry, options: WorkerOptions = {}): Worker {
  if (bundleDir) {
    const bundled = path.join(bundleDir, `${entry}.js`);
    if (!existsSync(bundled)) throw new Error(`worker bundle missing: ${bundled} (run npm run build)`);
    return new Worker(bundled, options);
  }
  // Node refuses a .ts worker path before loader hooks run, so a tiny bootstrap registers tsx first.
  const source = pathToFileURL(path.join(sourceDir, `${entry}.ts`)).href;
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
