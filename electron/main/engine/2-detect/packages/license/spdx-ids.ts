import { createRequire } from 'node:module';

// The id lists ship as JSON package mains; createRequire reads them the same way under Node, vitest and the bundle.
const requireFromHere = createRequire(import.meta.url);
const licenseIds = requireFromHere('spdx-license-ids') as string[];
const deprecatedIds = requireFromHere('spdx-license-ids/deprecated.json') as string[];
const exceptionIds = requireFromHere('spdx-exceptions') as string[];
const licenseList = requireFromHere('spdx-license-list') as Record<string, { name: string; url: string }>;

const byLower = new Map<string, string>();
for (const id of [...licenseIds, ...deprecatedIds]) byLower.set(id.toLowerCase(), id);
const exceptionByLower = new Map<string, string>();
for (const id of exceptionIds) exceptionByLower.set(id.toLowerCase(), id);

/** The SPDX license id spelled canonically, for any case of a current or deprecated id. */
export function canonicalLicenseId(s: string): string | null {
  return byLower.get(s.toLowerCase()) ?? null;
}

export function canonicalExceptionId(s: string): string | null {
  return exceptionByLower.get(s.toLowerCase()) ?? null;
}

export function isCurrentLicenseId(id: string): boolean {
  return byLower.get(id.toLowerCase()) === id && !deprecatedIds.includes(id);
}

/** Full SPDX license names ("Eclipse Public License 2.0") by their key as nameKey() writes it. */
const byName = new Map<string, string>();
for (const [id, info] of Object.entries(licenseList)) {
  if (!deprecatedIds.includes(id)) byName.set(nameKey(info.name), id);
}

export function licenseIdByFullName(s: string): string | null {
  return byName.get(nameKey(s)) ?? null;
}

/** Lowercase, single spaces, no leading "the", no trailing "license"/"licence" or punctuation. */
export function nameKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .replace(/^the /, '')
    .replace(/[.;,:]+$/, '')
    .replace(/ licen[cs]e$/, '')
    .trim();
}
