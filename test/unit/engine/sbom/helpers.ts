import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSbom, SbomRejectedError, type ReadSbomOptions, type SbomDocument } from '../../../../electron/main/engine/2-detect/sbom/index.js';

export const fixturesDir = path.resolve(fileURLToPath(new URL('../../../fixtures/sboms', import.meta.url)));

export function fixture(name: string): Buffer {
  return readFileSync(path.join(fixturesDir, name));
}

export function read(bytes: Buffer | string, name: string, options: ReadSbomOptions = { lenient: false }): SbomDocument {
  return readSbom(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, name, options);
}

/** The rejection a read throws (fails the test if it does not throw one). */
export function rejection(bytes: Buffer | string, name: string, options: ReadSbomOptions = { lenient: false }): SbomRejectedError {
  try {
    read(bytes, name, options);
  } catch (error) {
    if (error instanceof SbomRejectedError) return error;
    throw new Error(`expected SbomRejectedError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected ${name} to be rejected`);
}
