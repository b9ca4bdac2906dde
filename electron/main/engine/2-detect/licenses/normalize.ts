/**
 * Text → normalised words, following the SPDX License Matching Guidelines: case, whitespace, punctuation,
 * quote/dash variants, bullets and numbering, comment markers, copyright lines, equivalent words.
 * Punctuation is dropped entirely, so quote and dash variants need no separate handling.
 */

export interface NormalizedWords {
  /** Normalised words, in order. */
  words: string[];
  /** Words of the dropped copyright lines (holder names: variable text inside a reference). */
  copyrightWords?: Set<string>;
  /** 0-based line of each word. */
  lines: Int32Array;
}

/** SPDX equivalent words (equivalentwords.txt), mapped to one spelling. */
const EQUIVALENT_WORDS: Record<string, string> = {
  acknowledgement: 'acknowledgment',
  analogue: 'analog',
  analyse: 'analyze',
  artefact: 'artifact',
  authorisation: 'authorization',
  authorised: 'authorized',
  calibre: 'caliber',
  cancelled: 'canceled',
  capitalisations: 'capitalizations',
  catalogue: 'catalog',
  categorise: 'categorize',
  centre: 'center',
  emphasised: 'emphasized',
  favour: 'favor',
  favourite: 'favorite',
  fulfil: 'fulfill',
  fulfilment: 'fulfillment',
  initialise: 'initialize',
  judgement: 'judgment',
  labelling: 'labeling',
  labour: 'labor',
  licence: 'license',
  licences: 'licenses',
  licenced: 'licensed',
  licencee: 'licensee',
  licencees: 'licensees',
  licencing: 'licensing',
  licencor: 'licensor',
  maximise: 'maximize',
  modelled: 'modeled',
  modelling: 'modeling',
  offence: 'offense',
  optimise: 'optimize',
  organisation: 'organization',
  organise: 'organize',
  practise: 'practice',
  programme: 'program',
  realise: 'realize',
  recognise: 'recognize',
  signalling: 'signaling',
  utilisation: 'utilization',
  whilst: 'while',
  wilful: 'willful',
  wilfull: 'willful',
  owner: 'holder',
  owners: 'holders',
  https: 'http',
  amp: 'and',
};

/** Two-word spellings that SPDX treats as one word. */
const MERGE_PAIRS: Record<string, Record<string, string>> = {
  sub: { license: 'sublicense', licence: 'sublicense', licensable: 'sublicensable' },
  non: { commercial: 'noncommercial' },
  per: { cent: 'percent' },
};

// Maps, not object lookups: a word of source code such as "constructor" or "toString" must not find
// Object.prototype's members (it used to become a function in the word list).
const EQUIVALENT = new Map(Object.entries(EQUIVALENT_WORDS));
const MERGES = new Map(Object.entries(MERGE_PAIRS).map(([first, seconds]) => [first, new Map(Object.entries(seconds))]));

/** Line starts with a copyright statement (placeholder or real): dropped from license matching, as SPDX says. */
const COPYRIGHT_LINE = /^(?:portions\s+)?(?:copyright\s*(?:\(c\)|©)|\(c\)\s*(?:copyright\b|\d|[A-Z])|©|copyright\b\s*(?:\d{2,4}|[<[{]|by\b|:|$))/i;
const ALL_RIGHTS_ONLY = /^all\s+rights\s+reserved\W*$/i;
const LICENSE_AFTER_COPYRIGHT = /[.,;]\s+(?=(?:[\w-]+\s+){0,6}?(?:licen[cs]ed|released|distributed|available|use of this|see\b))|[.,;]?\s+(?=(?:[AL]?GPL|LGPL)(?:[- ]?v?\d(?:\.\d)?)?\+?(?:\s+or\s+later|\s+only)?[\s.*/#-]*$)/i;
/** Doxygen source listings number every line ("<a name="l00012"></a>00012", `<span class="lineno">12</span>`). */
const DOXYGEN_LINE_NUMBER = /<a (?:id="l\d+" )?name="l\d+"><\/a>(?:\s*\d+(?=[\s&<]))?|<span class="lineno">(?:<a [^<>]*>)?\s*\d*\s*(?:<\/a>)?<\/span>/g;
const SPDX_TAG_LINE = /SPDX-(?:License-Identifier|FileCopyrightText)\s*:/i;
/** Leading word-like comment markers (punctuation markers vanish with punctuation anyway). */
const WORD_COMMENT = /^(?:@?rem|dnl)\b/i;
/** Bullets and numbering at the start of a line: "1.", "(a)", "iv)", "2.1.3". */
// Each repeated part ends with its separator: "(?:\d{1,3}[.)]?)*" split a long number exponentially many ways.
const LIST_MARKER = /^\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)](?:\d{1,3}[.)])*(?:\d{1,3})?(?=\s|$)/i;
const STRING_ESCAPE = /\\[nrt]/g;
const HTML_TAG = /<\/?[a-zA-Z][^<>\n]{0,200}>/g;
/** Real HTML elements only: "<copyright holders>" placeholders of reference texts stay words. */
const LEADING_HTML_TAG = /^\s*<\/?(?:a|span|div|pre|p|br|b|i|u|code|tt|font|td|tr|th|li|ul|ol|h[1-6]|em|strong|small|big|blockquote|table|tbody)\b[^<>\n]{0,200}>/i;
const HTML_ENTITY = /&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});/g;

function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba || c === 0xb2 || c === 0xb3 || c === 0xb9;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, box drawing
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  if (c === 0xfeff) return false;
  return true;
}

function firstWordIndex(line: string): number {
  for (let i = 0; i < line.length; i++) if (isWordCode(line.charCodeAt(i))) return i;
  return -1;
}

/** Removes comment markers, list markers and markup from one line; returns the part to tokenise. */
export function cleanLine(line: string): string {
  if (line.includes('"l') || line.includes('lineno')) line = line.replace(DOXYGEN_LINE_NUMBER, ' ');
  // A line that opens with markup (an HTML source listing): its tags go before the first word is sought.
  if (LEADING_HTML_TAG.test(line)) line = line.replace(HTML_TAG, ' ');
  let start = firstWordIndex(line);
  if (start < 0) return '';
  let rest = line.slice(start);
  const wordComment = WORD_COMMENT.exec(rest);
  if (wordComment) {
    const next = firstWordIndex(rest.slice(wordComment[0].length));
    if (next < 0) return '';
    rest = rest.slice(wordComment[0].length + next);
  }
  // "(a)" keeps its "(" before the first word character.
  const markerText = start > 0 && line[start - 1] === '(' ? `(${rest}` : rest;
  const marker = LIST_MARKER.exec(markerText);
  if (marker) {
    rest = markerText.slice(marker[0].length);
    start = firstWordIndex(rest);
    if (start < 0) return '';
    rest = rest.slice(start);
  }
  // Text inside string literals (.po files, JSON, source maps): "\n" escapes are line breaks, not the word "n".
  if (rest.includes('\\')) rest = rest.replace(STRING_ESCAPE, ' ');
  if (rest.includes('<')) rest = rest.replace(HTML_TAG, ' ');
  if (rest.includes('&')) rest = rest.replace(HTML_ENTITY, ' ');
  return rest;
}

/** True for a line that only states copyright (it is variable text for license matching). */
export function isCopyrightLine(cleaned: string): boolean {
  return COPYRIGHT_LINE.test(cleaned) || ALL_RIGHTS_ONLY.test(cleaned) || SPDX_TAG_LINE.test(cleaned);
}

export interface NormalizeOptions {
  /** Drop copyright statement lines (license matching ignores them). */
  dropCopyrightLines?: boolean;
  /** Stop after this many words (bounded work on huge inputs). */
  maxWords?: number;
  /** Collect the words of dropped copyright lines (for reference texts). */
  collectCopyrightWords?: boolean;
}

/** Splits text into lines without building a giant array for multi-megabyte single lines. */
export function forEachLine(text: string, fn: (line: string, index: number) => boolean | void): void {
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (fn(line, index) === false) return;
    index++;
    start = end + 1;
  }
}

export function normalizeWords(text: string, options: NormalizeOptions = {}): NormalizedWords {
  const words: string[] = [];
  const lineOf: number[] = [];
  const maxWords = options.maxWords ?? Infinity;
  const copyrightWords = new Set<string>();
  forEachLine(text, (rawLine, lineIndex) => {
    let line = cleanLine(rawLine);
    if (!line) return;
    if (options.dropCopyrightLines && isCopyrightLine(line)) {
      if (options.collectCopyrightWords) for (const w of line.toLowerCase().match(/[a-z0-9]+/g) ?? []) copyrightWords.add(w);
      // "Copyright 2014 Jane. Licensed under the BSD 2-clause license.": the statement goes, the license stays.
      // An SPDX tag is read by its own rule: none of its words are a second statement.
      const after = SPDX_TAG_LINE.test(line) ? null : LICENSE_AFTER_COPYRIGHT.exec(line);
      if (!after) return;
      line = line.slice(after.index + after[0].length);
    }
    // Lower-cased once per line rather than once per word (each word is then a single slice).
    line = line.toLowerCase();
    let i = 0;
    const n = line.length;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (!isWordCode(c)) {
        if (c === 38 /* & */) {
          words.push('and');
          lineOf.push(lineIndex);
        } else if (c === 43 /* + */ && i > 0 && isWordCode(line.charCodeAt(i - 1))) {
          // "GPL-2.0+", "GPLv3+": the plus means "or later".
          words.push('plus');
          lineOf.push(lineIndex);
        }
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && isWordCode(line.charCodeAt(j))) j++;
      let word = line.slice(i, j);
      word = EQUIVALENT.get(word) ?? word;
      const prev = words.length > 0 ? words[words.length - 1]! : '';
      const merged = MERGES.get(prev)?.get(word);
      if (merged && lineOf[lineOf.length - 1] !== undefined) {
        words[words.length - 1] = merged;
      } else {
        words.push(word);
        lineOf.push(lineIndex);
      }
      i = j;
    }
    return words.length < maxWords;
  });
  return { words, lines: Int32Array.from(lineOf), ...(options.collectCopyrightWords ? { copyrightWords } : {}) };
}
