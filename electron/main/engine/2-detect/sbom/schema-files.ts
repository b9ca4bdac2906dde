import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const requireFromHere = createRequire(import.meta.url);

/** The CycloneDX schemas (JSON and XSD) that @cyclonedx/cyclonedx-library ships in its `res/schema`. */
export function cycloneDxSchemaDir(): string {
  return path.join(path.dirname(requireFromHere.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
}

let spdxDir: string | null = null;

/**
 * The official SPDX JSON schemas shipped in `resources/schemas/spdx`. Found from the running module upwards (source
 * tree, bundled `out/main`, packaged app) or under Electron's `process.resourcesPath`.
 */
export function spdxSchemaDir(): string {
  if (spdxDir) return spdxDir;
  const candidates: string[] = [];
  if (process.env.CLEARANCE_RESOURCES_DIR) candidates.push(path.join(process.env.CLEARANCE_RESOURCES_DIR, 'schemas', 'spdx'));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'schemas', 'spdx'));
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'resources', 'schemas', 'spdx'));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((candidate) => existsSync(path.join(candidate, 'spdx-schema-v2.3.json')));
  if (!found) throw new Error(`SPDX schemas not found; looked in: ${candidates.slice(0, 4).join(', ')} …`);
  spdxDir = found;
  return found;
}
