/** SPDX checksum algorithm names to CycloneDX hash algorithm names (the model's common spelling). */
const SPDX_TO_CDX: Record<string, string> = {
  SHA1: 'SHA-1', SHA224: 'SHA-224', SHA256: 'SHA-256', SHA384: 'SHA-384', SHA512: 'SHA-512',
  'SHA3-256': 'SHA3-256', 'SHA3-384': 'SHA3-384', 'SHA3-512': 'SHA3-512', MD5: 'MD5', MD2: 'MD2', MD4: 'MD4', MD6: 'MD6',
  'BLAKE2b-256': 'BLAKE2b-256', 'BLAKE2b-384': 'BLAKE2b-384', 'BLAKE2b-512': 'BLAKE2b-512', BLAKE3: 'BLAKE3', ADLER32: 'ADLER32',
};

const CDX_TO_SPDX: Record<string, string> = Object.fromEntries(Object.entries(SPDX_TO_CDX).map(([spdx, cdx]) => [cdx, spdx]));

export function hashAlgFromSpdx(algorithm: string): string {
  return SPDX_TO_CDX[algorithm.toUpperCase().replace(/^BLAKE2B/, 'BLAKE2b')] ?? algorithm;
}

export function hashAlgToSpdx(alg: string): string | null {
  return CDX_TO_SPDX[alg] ?? null;
}

/** SPDX 3 hash algorithm names (lower-case vocabulary) to CycloneDX names. */
export function hashAlgFromSpdx3(algorithm: string): string {
  const upper = algorithm.toUpperCase();
  if (upper.startsWith('BLAKE2B')) return `BLAKE2b-${upper.slice(7).replace(/^[-_]/, '')}`;
  if (upper.startsWith('SHA3')) return `SHA3-${upper.slice(4).replace(/^[-_]/, '')}`;
  return hashAlgFromSpdx(upper);
}

/** "Organization: ACME Inc. (ops@acme.example)" → "ACME Inc. (ops@acme.example)"; NOASSERTION → null. */
export function actorName(value: string | null): string | null {
  if (value === null || isNoAssertion(value)) return null;
  const match = /^(?:Person|Organization|Tool)\s*:\s*(.*)$/s.exec(value.trim());
  const name = (match ? match[1]! : value).trim();
  return name === '' ? null : name;
}

export function isNoAssertion(value: string | null): boolean {
  return value === null || value === 'NOASSERTION' || value === 'NONE';
}

/** SPDX license fields: NOASSERTION means "unknown" and carries no license; NONE is a real answer ("no license"). */
export function licenseValue(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' || trimmed === 'NOASSERTION' ? null : trimmed;
}

/** SPDX 2 relationship types that make an edge of the dependency graph, with the direction they point. */
export const DEPENDENCY_RELATIONSHIPS: Record<string, 'forward' | 'reverse'> = {
  DEPENDS_ON: 'forward',
  CONTAINS: 'forward',
  HAS_PREREQUISITE: 'forward',
  STATIC_LINK: 'forward',
  DYNAMIC_LINK: 'forward',
  DEPENDENCY_OF: 'reverse',
  CONTAINED_BY: 'reverse',
  PREREQUISITE_FOR: 'reverse',
  DEV_DEPENDENCY_OF: 'reverse',
  OPTIONAL_DEPENDENCY_OF: 'reverse',
  BUILD_DEPENDENCY_OF: 'reverse',
  RUNTIME_DEPENDENCY_OF: 'reverse',
  TEST_DEPENDENCY_OF: 'reverse',
  PROVIDED_DEPENDENCY_OF: 'reverse',
};

/** CycloneDX component type for an SPDX primaryPackagePurpose (SPDX 2) or software_primaryPurpose (SPDX 3). */
export function componentTypeForPurpose(purpose: string | null): string {
  switch ((purpose ?? '').toLowerCase()) {
    case 'application':
    case 'executable':
      return 'application';
    case 'framework':
      return 'framework';
    case 'container':
      return 'container';
    case 'operating-system':
    case 'operating_system':
    case 'operatingsystem':
      return 'operating-system';
    case 'device':
      return 'device';
    case 'firmware':
      return 'firmware';
    case 'file':
      return 'file';
    default:
      return 'library';
  }
}
