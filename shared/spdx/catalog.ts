import exceptionIds from 'spdx-exceptions/index.json';
import licenses from 'spdx-license-list/spdx.json';

/** The SPDX license list shipped with the app (npm `spdx-license-list`, `spdx-exceptions`): ids and names. */
const licenseTable = licenses as unknown as Record<string, { name: string; url?: string; osiApproved: boolean }>;
const exceptionSet = new Set<string>(exceptionIds as string[]);

export function licenseName(id: string): string | null {
  return licenseTable[id]?.name ?? null;
}

export function isExceptionId(id: string): boolean {
  return exceptionSet.has(id);
}

export function isKnownLicenseId(id: string): boolean {
  return id in licenseTable;
}

/** Every license id, sorted, for pickers and autocompletion. */
export const licenseIds: readonly string[] = Object.keys(licenseTable).sort((a, b) => a.localeCompare(b));
export const exceptionIdList: readonly string[] = [...exceptionSet].sort((a, b) => a.localeCompare(b));
