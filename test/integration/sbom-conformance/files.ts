import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { conformanceDir } from '../../helpers/shared-data.js';

/** Every file under a folder of the shared conformance data, recursively, sorted. */
export function conformanceFiles(...segments: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? walk(file) : [file];
      });
  return walk(path.join(conformanceDir, ...segments));
}
