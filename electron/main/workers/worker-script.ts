import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The worker entry points; each is a file in electron/main/workers/ and a bundle entry in out/main/. */
export type WorkerEntry = 'index-worker' | 'analyze-worker' | 'query-worker';

const here = fileURLToPath(import.meta.url);
/**
 * Bundled, this module is a chunk in out/main/ beside the worker bundles; from source (vitest, tsx) it is the .ts
 * file beside the worker sources. Decided per module instance, so it holds in every thread.
 */
const fromSource = here.endsWith('.ts');
const workersDir = path.dirname(here);

/**
 * Starts a worker from the built bundle when running bundled, or from TypeScript source through tsx when
 * running from source, so tests exercise the same worker code as the app.
 */
export function startWorker(entry: WorkerEntry, options: WorkerOptions = {}): Worker {
  if (!fromSource) {
    const bundled = path.join(workersDir, `${entry}.js`);
    if (!existsSync(bundled)) throw new Error(`worker bundle missing: ${bundled} (run npm run build)`);
    return new Worker(bundled, options);
  }
  // Node refuses a .ts worker path before loader hooks run, so a tiny bootstrap registers tsx first.
  const source = pathToFileURL(path.join(workersDir, `${entry}.ts`)).href;
  // The ESM build of tsx's API: require.resolve picks the CJS entry, which cannot be imported from an eval worker.
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
