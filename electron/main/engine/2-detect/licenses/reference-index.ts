import { normalizeWords, forEachLine } from './normalize.js';
import { referenceTexts, type ReferenceText } from './reference-texts.js';
import { NgramTable, NGRAM, ngramHash } from './ngram-table.js';

/** One reference, normalised for matching. */
export interface Reference {
  index: number;
  id: string;
  kind: 'license' | 'exception';
  /** Other ids whose normalised text is identical (e.g. GPL-2.0-or-later beside GPL-2.0-only). */
  sameTextAs: string[];
  tokens: Int32Array;
  /** 1 where the token may be absent without penalty: the title and trailing "how to apply" sections. */
  optional: Uint8Array;
  /** 1 where the token names the reference's own copyright holder ("ISC disclaims"): variable text. */
  variable: Uint8Array;
  requiredCount: number;
  distinctNgrams: number;
}

export interface ReferenceIndex {
  vocab: Map<string, number>;
  references: Reference[];
  byId: Map<string, Reference>;
  ngrams: NgramTable;
  texts: Map<string, ReferenceText>;
  /** Per word id: in how many references it occurs (rare words name a license and are never "just a name"). */
  documentFrequency: Uint16Array;
}

/** Among identical texts, the id reported: the bare text of a GNU license is its "-only" id (see docs/detection.md). */
function preference(id: string): number {
  let rank = 10 * (/-or-later$|\+$/.test(id) ? 2 : /-only$/.test(id) ? 0 : 1);
  if (/invariants|-no-copyleft-exception|-Combined-Work-Exception|RFN/.test(id)) rank += 5;
  return rank + id.length / 100;
}

const TITLE_MAX_WORDS = 16;
/** Words after which GNU and Apache texts carry an optional appendix on how to apply them. */
const END_OF_TERMS = ['end', 'of', 'terms', 'and', 'conditions'];

function firstBlankLine(text: string): number {
  let seenContent = false;
  let found = -1;
  forEachLine(text, (line, i) => {
    if (line.trim() === '') {
      if (seenContent) {
        found = i;
        return false;
      }
    } else seenContent = true;
    return true;
  });
  return found;
}

function markOptional(text: string, words: string[], lines: Int32Array): Uint8Array {
  const optional = new Uint8Array(words.length);
  const blank = firstBlankLine(text);
  if (blank > 0) {
    let titleWords = 0;
    while (titleWords < words.length && lines[titleWords]! < blank) titleWords++;
    if (titleWords > 0 && titleWords <= TITLE_MAX_WORDS && words.length > titleWords * 4) optional.fill(1, 0, titleWords);
  }
  for (let i = 0; i + END_OF_TERMS.length <= words.length; i++) {
    let hit = true;
    for (let k = 0; k < END_OF_TERMS.length && hit; k++) hit = words[i + k] === END_OF_TERMS[k];
    // Only near the end: the phrase also opens some texts' definitions.
    if (hit && i > words.length * 0.5) {
      optional.fill(1, i + END_OF_TERMS.length);
      break;
    }
  }
  return optional;
}

let cachedIndex: ReferenceIndex | null = null;

/** Words of copyright lines that are no holder name. */
const HOLDER_STOPWORDS = new Set(['copyright', 'c', 'the', 'of', 'and', 'by', 'all', 'rights', 'reserved', 'inc', 'ltd', 'llc', 'a', 'in', 'for', 'to', 'or', 'software', 'foundation', 'license', 'http', 'www', 'org', 'com']);

/** The parts of the index that a build step can precompute (see precomputed-index.ts). */
export interface IndexData {
  vocab: string[];
  references: Array<Omit<Reference, 'index'> & { ngramHashes: Uint32Array }>;
}

/** Normalises every reference text: the slow part (about half a second), done at build time when possible. */
export function buildIndexData(): IndexData {
  const vocab = new Map<string, number>();
  const idOf = (w: string): number => {
    let id = vocab.get(w);
    if (id === undefined) {
      id = vocab.size + 1;
      vocab.set(w, id);
    }
    return id;
  };
  const groups = new Map<string, { ref: ReferenceText; words: string[]; lines: Int32Array; ids: string[]; holderWords: Set<string> }>();
  for (const ref of referenceTexts()) {
    const { words, lines, copyrightWords } = normalizeWords(ref.text, { dropCopyrightLines: true, collectCopyrightWords: true });
    if (words.length === 0) continue;
    const key = `${ref.kind}:${words.join(' ')}`;
    const group = groups.get(key);
    if (group) {
      group.ids.push(ref.id);
      if (preference(ref.id) < preference(group.ref.id)) group.ref = ref;
    } else groups.set(key, { ref, words, lines, ids: [ref.id], holderWords: copyrightWords ?? new Set() });
  }
  const references: IndexData['references'] = [];
  for (const { ref, words, lines, ids, holderWords } of groups.values()) {
    const variable = Uint8Array.from(words, (w) => (holderWords.has(w) && !HOLDER_STOPWORDS.has(w) && !/^\d+$/.test(w) ? 1 : 0));
    const tokens = Int32Array.from(words, idOf);
    const optional = markOptional(ref.text, words, lines);
    let requiredCount = 0;
    for (let i = 0; i < optional.length; i++) if (!optional[i]) requiredCount++;
    const seen = new Set<number>();
    for (let i = 0; i + NGRAM <= tokens.length; i++) seen.add(ngramHash(tokens, i));
    references.push({
      id: ref.id,
      kind: ref.kind,
      sameTextAs: ids.filter((x) => x !== ref.id),
      tokens,
      optional,
      variable,
      requiredCount,
      distinctNgrams: Math.max(1, seen.size),
      ngramHashes: Uint32Array.from(seen),
    });
  }
  const vocabList: string[] = [];
  for (const [w, id] of vocab) vocabList[id] = w;
  return { vocab: vocabList, references };
}

/** Builds the lookup structures from index data (precomputed or just built): tens of milliseconds. */
export function indexFromData(data: IndexData): ReferenceIndex {
  const vocab = new Map<string, number>();
  for (let id = 1; id < data.vocab.length; id++) vocab.set(data.vocab[id]!, id);
  const references: Reference[] = [];
  const byId = new Map<string, Reference>();
  for (const r of data.references) {
    const reference: Reference = { index: references.length, id: r.id, kind: r.kind, sameTextAs: r.sameTextAs, tokens: r.tokens, optional: r.optional, variable: r.variable, requiredCount: r.requiredCount, distinctNgrams: r.distinctNgrams };
    references.push(reference);
    for (const id of [r.id, ...r.sameTextAs]) byId.set(id, reference);
  }
  const ngrams = NgramTable.build(data.references.map((r) => r.ngramHashes));
  const documentFrequency = new Uint16Array(data.vocab.length + 1);
  const lastSeen = new Int32Array(data.vocab.length + 1).fill(-1);
  data.references.forEach((r, i) => {
    for (const t of r.tokens) {
      if (lastSeen[t] === i) continue;
      lastSeen[t] = i;
      documentFrequency[t]!++;
    }
  });
  return { vocab, references, byId, ngrams, documentFrequency, get texts() { return referenceTextMap(); } };
}

let textMap: Map<string, ReferenceText> | null = null;

/** Reference texts by id, loaded on first use (the diff viewer), not at cold start. */
function referenceTextMap(): Map<string, ReferenceText> {
  if (!textMap) {
    textMap = new Map();
    for (const ref of referenceTexts()) textMap.set(ref.id, ref);
  }
  return textMap;
}

let loader: (() => IndexData | null) | null = null;

/** Lets precomputed-index.ts supply build-time data without a circular import. */
export function setIndexDataLoader(load: () => IndexData | null): void {
  loader = load;
}

export function referenceIndex(): ReferenceIndex {
  if (cachedIndex) return cachedIndex;
  cachedIndex = indexFromData(loader?.() ?? buildIndexData());
  return cachedIndex;
}
