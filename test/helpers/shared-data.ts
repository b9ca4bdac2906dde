import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The read-only reference data beside the repository (`../shared`): conformance SBOMs and license corpora.
 * It is never copied into the repository; tests that need it are skipped, saying why, when it is absent.
 */
export const sharedDataDir =
  process.env.CLEARANCE_SHARED_DATA ?? path.resolve(fileURLToPath(new URL('../../..', import.meta.url)), 'shared');
export const conformanceDir = path.join(sharedDataDir, 'conformance');
export const licenseCorporaDir = path.join(sharedDataDir, 'license-corpora');
export const hasSharedData = existsSync(conformanceDir) && existsSync(licenseCorporaDir);
export const sharedDataSkipReason = `reference data not found at ${sharedDataDir} (../shared beside the repository)`;
