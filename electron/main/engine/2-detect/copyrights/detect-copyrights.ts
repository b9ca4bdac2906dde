import { LineIndex } from '../text/lines.js';
import type { DetectedFinding } from '../licenses/types.js';
import { parseStatement } from './parse-statement.js';

/** Markers that may open a statement; each is checked against its context before it counts. */
const MARKER = /SPDX-FileCopyrightText\s*:|\bcopyright\b|©|\(c\)/gi;
/** What may precede "Copyright" at the start of a statement (comment markers, "Portions", a quote). */
const LEAD_OK = /^(?:[\s/*#;!%'"`<>{}()|-]|rem\b|dnl\b|portions|original(?:ly)?|parts|some parts|\d+\.)*$/i;
const MAX_LINE_PROBE = 2_000;
/** A "(b)" opening a line or clause shortly before: the "(c)" that follows is the next item of a list. */
const ENUMERATION_BEFORE = /(?:^|\n|[;:.]\s)[\s/*#;!-]*\(b\)\s/i;
/** Words that start a sentence or clause, not a holder's name. */
const SENTENCE_START = /^\s*(?:you|the|if|any|this|that|in|to|a|an|each|all|no|such|for|such|when|where|it|we|licensee|licensor)\b/i;

function markerKind(token: string): 'copyright' | 'symbol' | 'spdx' {
  if (/^spdx/i.test(token)) return 'spdx';
  return /^copyright$/i.test(token) ? 'copyright' : 'symbol';
}

/** Copyright statements with holders, years and line ranges. Prose, code and template placeholders are skipped. */
export function detectCopyrights(text: string, lineIndex: LineIndex = new LineIndex(text)): DetectedFinding[] {
  const out: DetectedFinding[] = [];
  const seen = new Set<string>();
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    // Line bounds come from the index: searching for them scanned a whole minified line for every "(c)" in it.
    const line = lineIndex.lineAt(m.index);
    const lineStart = lineIndex.lineStart(line);
    const lineEnd = line + 1 < lineIndex.lineCount ? lineIndex.lineEnd(line) : -1;
    const before = text.slice(Math.max(lineStart, m.index - MAX_LINE_PROBE), m.index);
    const kind = markerKind(m[0]);
    // A "(c)" or "©" right after "Copyright" belongs to that statement.
    if (kind === 'symbol' && /copyright\s*$/i.test(before)) continue;
    let rest = text.slice(m.index + m[0].length, Math.min(lineEnd < 0 ? text.length : lineEnd, m.index + 400)).replace(/\r$/, '');
    // Another statement on the same line starts a new finding.
    const nextMarker = /\bcopyright\b\s*(?:\(c\)|©|\d)/i.exec(rest.slice(1));
    if (nextMarker) rest = rest.slice(0, nextMarker.index + 1);
    // "(c) Copyright CNRI": the statement is the "Copyright" marker's, read once from there.
    if (kind === 'symbol' && /^\s*copyright\b/i.test(rest)) continue;
    if (kind === 'copyright') {
      const leadOk = LEAD_OK.test(before) || /(?:^|[^a-z])(?:\(c\)|©)\s*$/i.test(before);
      const strongNext = /^\s*(?:\(c\)|©|\d{4})/i.test(rest);
      if (!leadOk && !strongNext) continue;
    }
    if (kind === 'symbol' && m[0].toLowerCase() === '(c)' && !/^\s*(?:1[89]\d\d|20\d\d)/.test(rest)) {
      if (!LEAD_OK.test(before)) continue;
      // An enumerated clause — "(a) … (b) … (c) You must retain …" in license texts — is not a copyright.
      if (ENUMERATION_BEFORE.test(text.slice(Math.max(0, m.index - MAX_LINE_PROBE), m.index)) || SENTENCE_START.test(rest)) continue;
    }
    let parsed = parseStatement(kind, rest);
    let lastLine = line;
    // "Copyright (c) 2010-2020" with the holder on the next line.
    if (parsed && parsed.holders.length === 0 && lineEnd >= 0) {
      const nextLine = text.slice(lineEnd + 1, Math.min(lineIndex.lineEnd(line + 1), lineEnd + 300)).replace(/^[\s/*#;!%-]+/, '');
      if (/^[A-Z][^\n]{1,120}$/.test(nextLine.trim()) && !/licen[cs]e|permission|redistribution/i.test(nextLine)) {
        const joined = parseStatement(kind, `${rest} ${nextLine}`);
        if (joined && joined.holders.length) {
          parsed = joined;
          lastLine = line + 1;
        }
      }
    }
    if (!parsed) continue;
    const key = `${line}:${parsed.statement}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const prefix = kind === 'spdx' ? 'SPDX-FileCopyrightText: ' : m[0].toLowerCase() === 'copyright' ? 'Copyright ' : `${m[0]} `;
    out.push({
      kind: 'copyright',
      license: null,
      score: 1,
      startLine: line + 1,
      endLine: lastLine + 1,
      text: lineIndex.slice(line, lastLine, 2_000),
      matchedBy: kind === 'spdx' ? 'spdx-copyright-tag' : 'copyright',
      modified: false,
      holders: parsed.holders,
      years: parsed.years,
      statement: `${prefix}${parsed.statement}`.trim(),
    });
  }
  return out;
}
