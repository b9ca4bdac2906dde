import type { LineIndex } from '../text/lines.js';
import { normalizeWords, type NormalizedWords } from './normalize.js';

/**
 * Words that every license text, notice or reference contains at least one of. Only the text around them is
 * normalised and matched, so a 10 MB bundle with one license comment costs little more than its keyword scan.
 * Each starts a word or follows an underscore (MODULE_LICENSE, __license__): tried only there, the scan runs twice as
 * fast, and "missingPlugin" or base64 no longer hold a "gpl".
 */
const KEYWORD = /(?:\b|_)(?:(?:sub|re|un)?licen[cs]|copyright|permission|warrant|(?:re)?distribut|freely|freeware|[la]?gpl|spdx|public domain|opensource\.org|gnu\.org|creative ?commons|apache|mozilla|eclipse\.org|tldrlegal|lizenz|licenti|whatever way|what you want|proprietary|confidential|rights reserved|eula\b)|\(c\)|©/gi;
/** Context kept around a keyword; longer than the longest keyword-free stretch of any common license text. */
const BEFORE = 4_000;
const AFTER = 8_000;
/** Lines up to this long are taken whole at a region's edges (longer ones are minified code: cut mid-line). */
const WHOLE_LINE = 2_000;

export interface Region {
  start: number;
  end: number;
}

/**
 * Character ranges worth matching; none when the text has no word that any license text, notice, reference or
 * copyright statement needs.
 */
export function focusRegions(text: string): Region[] {
  const regions: Region[] = [];
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) {
    const start = Math.max(0, m.index - BEFORE);
    const end = Math.min(text.length, m.index + AFTER);
    const last = regions[regions.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else regions.push({ start, end });
    // Skip ahead: every keyword inside the current region would only extend it by a little.
    if (m.index + AFTER / 2 > KEYWORD.lastIndex) KEYWORD.lastIndex = Math.min(text.length, m.index + AFTER / 2);
  }
  return regions;
}

function widenToLines(text: string, r: Region): Region {
  let { start, end } = r;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart <= WHOLE_LINE) start = lineStart;
  const lineEnd = text.indexOf('\n', end);
  const stop = lineEnd < 0 ? text.length : lineEnd;
  if (stop - end <= WHOLE_LINE) end = stop;
  return { start, end };
}

export interface FocusedWords extends NormalizedWords {
  /** 0-based inclusive line ranges that were read. */
  lineRanges: Array<[number, number]>;
}

/** A part of the text worth reading, and where it starts. */
export interface TextSlice {
  text: string;
  offset: number;
}

/** The focus regions widened to whole lines; the whole text when keywords are dense. */
export function focusSlices(text: string): TextSlice[] {
  const regions = focusRegions(text);
  const covered = regions.reduce((n, r) => n + r.end - r.start, 0);
  if (covered > text.length * 0.7) return [{ text, offset: 0 }];
  return regions.map((region) => {
    const r = widenToLines(text, region);
    return { text: text.slice(r.start, r.end), offset: r.start };
  });
}

/** Runs a global regular expression over the slices; `at` is the match's offset in the whole text. */
export function scanSlices(slices: TextSlice[], re: RegExp, fn: (m: RegExpExecArray, at: number) => void): void {
  for (const slice of slices) {
    re.lastIndex = 0;
    for (let m = re.exec(slice.text); m; m = re.exec(slice.text)) fn(m, slice.offset + m.index);
  }
}

/** Normalised words of the focus slices only, with their true line numbers. */
export function normalizeFocused(text: string, slices: TextSlice[], lines: LineIndex, maxWords: number): FocusedWords {
  if (slices.length === 0) return { words: [], lines: new Int32Array(0), lineRanges: [] };
  if (slices.length === 1 && slices[0]!.offset === 0 && slices[0]!.text.length === text.length) {
    return { ...normalizeWords(text, { dropCopyrightLines: true, maxWords }), lineRanges: [[0, lines.lineCount - 1]] };
  }
  const lineRanges: Array<[number, number]> = [];
  const words: string[] = [];
  const lineParts: Int32Array[] = [];
  for (const slice of slices) {
    const r = { start: slice.offset, end: slice.offset + slice.text.length };
    const part = normalizeWords(slice.text, { dropCopyrightLines: true, maxWords: maxWords - words.length });
    const offset = lines.lineAt(r.start);
    lineRanges.push([offset, lines.lineAt(Math.max(r.start, r.end - 1))]);
    for (let i = 0; i < part.lines.length; i++) part.lines[i]! += offset;
    for (const w of part.words) words.push(w);
    lineParts.push(part.lines);
    // A separator no reference contains keeps n-grams from spanning two regions.
    words.push('\u0000');
    lineParts.push(Int32Array.of(lines.lineAt(Math.max(r.start, r.end - 1))));
    if (words.length >= maxWords) break;
  }
  const all = new Int32Array(words.length);
  let at = 0;
  for (const part of lineParts) {
    all.set(part, at);
    at += part.length;
  }
  return { words, lines: all, lineRanges };
}
