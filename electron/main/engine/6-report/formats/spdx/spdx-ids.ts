/** Hands out valid, unique SPDXIDs (SPDXRef-[A-Za-z0-9.-]+) for component keys, reusing a key that already is one. */
export class SpdxIds {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>(['SPDXRef-DOCUMENT']);

  idFor(key: string): string {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const base = /^SPDXRef-[A-Za-z0-9.-]+$/.test(key) ? key : `SPDXRef-${key.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'element'}`;
    let id = base;
    for (let counter = 2; this.used.has(id); counter++) id = `${base}-${counter}`;
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }

  get(key: string): string | undefined {
    return this.byKey.get(key);
  }
}

/** A LicenseRef id for a license written only as a name ("Apache 2" → LicenseRef-Apache-2). */
export function licenseRefFor(name: string): string {
  return `LicenseRef-${name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'unnamed'}`;
}

/** The license ids an expression names (for licenseInfoFromFiles, which takes ids, not expressions). */
export function licenseIds(expression: string): string[] {
  return expression
    .split(/[()\s]+/)
    .filter((token) => token !== '' && !/^(AND|OR|WITH)$/i.test(token));
}

/** SPDX wants "2024-01-31T12:00:00Z": UTC, no fraction. */
export function spdxDate(value: string): string {
  const date = new Date(value);
  return (Number.isNaN(date.getTime()) ? new Date(0) : date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
