import { diffArrays } from 'diff';
import { referenceIndex } from './reference-index.js';

export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** SPDX reference text of a license or exception id (deprecated and "same text" ids resolve too), or null. */
export function referenceText(id: string): string | null {
  const index = referenceIndex();
  const direct = index.texts.get(id);
  if (direct) return direct.text;
  const ref = index.byId.get(id);
  return ref ? (index.texts.get(ref.id)?.text ?? null) : null;
}

/** Words with their spacing kept, compared case-insensitively with punctuation ignored. */
function splitWords(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

function comparable(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').replace(/^licence/, 'license');
}

/**
 * Word-level diff of a text against the SPDX reference of `id`, for the file viewer: 'added' is in the text only,
 * 'removed' in the reference only. An empty list when the id has no reference text.
 */
export function diffAgainstReference(text: string, id: string): Array<DiffSegment> {
  const reference = referenceText(id);
  if (reference === null) return [];
  const refWords = splitWords(reference);
  const textWords = splitWords(text);
  const changes = diffArrays(refWords, textWords, {
    comparator: (a: string, b: string) => comparable(a) === comparable(b),
    timeout: 2_000,
  });
  if (!changes) return [{ kind: 'removed', text: reference }, { kind: 'added', text }];
  const out: DiffSegment[] = [];
  for (const c of changes) {
    const kind = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const segment = (c.value as string[]).join('');
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += segment;
    else out.push({ kind, text: segment });
  }
  return out;
}
