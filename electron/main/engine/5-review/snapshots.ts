import { createHash } from 'node:crypto';
import type { DecisionSnapshot } from '../../../../shared/model/decision.js';

/** The hash findings are compared by: SHA-1 of the text with runs of whitespace folded (as the store stage does). */
export function findingTextHash(text: string): string {
  return createHash('sha1').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

export function componentSnapshot(declared: { expression: string | null; verbatim: string | null }, detected: string[]): DecisionSnapshot {
  return { type: 'component', declared: declared.expression ?? declared.verbatim ?? null, detected: [...new Set(detected)].sort() };
}

export function findingSnapshot(license: string | null, textHash: string | null): DecisionSnapshot {
  return { type: 'finding', license, textHash };
}

function listWords(ids: string[]): string {
  return ids.join(', ');
}

/**
 * What differs between the snapshot a decision recorded and the subject now, in words; empty when nothing
 * did (or when the decision saw nothing, being made ahead of a scan).
 */
export function snapshotChanges(recorded: DecisionSnapshot, current: NonNullable<DecisionSnapshot>): string[] {
  if (recorded === null || recorded.type !== current.type) return [];
  const changes: string[] = [];
  if (recorded.type === 'component' && current.type === 'component') {
    if (recorded.declared !== current.declared) changes.push(`declared license changed from ${recorded.declared ?? 'none'} to ${current.declared ?? 'none'}`);
    const before = new Set(recorded.detected);
    const now = new Set(current.detected);
    const added = current.detected.filter((id) => !before.has(id));
    const removed = recorded.detected.filter((id) => !now.has(id));
    if (added.length > 0) changes.push(`newly detected: ${listWords(added)}`);
    if (removed.length > 0) changes.push(`no longer detected: ${listWords(removed)}`);
  }
  if (recorded.type === 'finding' && current.type === 'finding') {
    if (recorded.license !== current.license) changes.push(`license changed from ${recorded.license ?? 'none'} to ${current.license ?? 'none'}`);
    if (recorded.textHash !== current.textHash) changes.push('the text changed');
  }
  return changes;
}
