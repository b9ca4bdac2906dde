import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * better-sqlite3 is a native addon built for one runtime ABI. Node (CLI, serve, tests) uses the build in
 * node_modules; Electron uses a copy rebuilt for its ABI by scripts/native.mjs into node_modules/.clearance-native.
 * A packaged app has electron-builder's rebuilt copy in place, which the default lookup finds.
 */
export function nativeBindingPath(): string | undefined {
  const electronVersion = process.versions['electron'];
  if (!electronVersion) return undefined;
  const requireFromHere = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(requireFromHere.resolve('better-sqlite3/package.json'));
  } catch {
    return undefined;
  }
  const candidate = path.join(
    packageDir, '..', '.clearance-native',
    `electron-${process.versions.modules}-${process.platform}-${process.arch}`, 'better_sqlite3.node',
  );
  return existsSync(candidate) ? candidate : undefined;
}
