import { AppError } from '../../../shared/api/errors.js';
import type { LicenseReference } from '../../../shared/api/contract.js';
import type { ApiHandlers } from '../api/handler-types.js';
import { findFinding, listFindings } from '../db/repositories/findings-repo.js';
import { diffAgainstReference, referenceText } from '../engine/2-detect/licenses/index.js';
import { licenseIdsOf } from '../../../shared/spdx/expression.js';
import { isExceptionId, licenseName } from '../../../shared/spdx/catalog.js';

function reference(licenseId: string): LicenseReference {
  const text = referenceText(licenseId);
  if (text === null) throw new AppError('not-found', `no SPDX reference text for "${licenseId}"`);
  return { id: licenseId, name: licenseName(licenseId) ?? licenseId, text, isException: isExceptionId(licenseId) };
}

export const findingsHandlers = {
  'findings.list': (query, ctx) => listFindings(ctx.db, query),
  'licenses.reference': ({ licenseId }) => reference(licenseId),
  'licenses.compare': ({ findingId, licenseId }, ctx) => {
    const finding = findFinding(ctx.db, findingId);
    if (!finding) throw new AppError('not-found', `no finding with id ${findingId}`);
    const id = licenseId ?? licenseIdsOf(finding.license ?? '', true).find((candidate) => referenceText(candidate) !== null);
    if (!id) throw new AppError('not-found', `finding ${findingId} names no license with an SPDX reference text`);
    if (referenceText(id) === null) throw new AppError('not-found', `no SPDX reference text for "${id}"`);
    return { licenseId: id, segments: diffAgainstReference(finding.text, id), score: finding.score };
  },
} satisfies Partial<ApiHandlers>;
