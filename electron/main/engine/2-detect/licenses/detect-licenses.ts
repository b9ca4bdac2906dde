import { createRequire } from 'node:module';
import { LineIndex } from '../text/lines.js';
import { combineExceptions } from './combine.js';
import { Coverage, makeFinding } from './finding.js';
import { detectLicenseTexts } from './license-texts.js';
import { withoutEmbeddedAlternatives } from './embedded-alternatives.js';
import { toTokenIds } from './match-texts.js';
import { focusSlices, normalizeFocused, type TextSlice } from './focus.js';
import { extendNoticeBlock } from './notice-blocks.js';
import { conventionSettled, notInOverlappingText } from './statement-overlaps.js';
import { findNotices, kernelModuleLicenses, type NoticeHit } from './notice-rules.js';
import { findReferences } from './reference-rules.js';
import './precomputed-index.js';
import { referenceIndex } from './reference-index.js';
import { findSpdxTags } from './spdx-tags.js';
import type { DetectedFinding, DetectOptions } from './types.js';
import { legalClusters } from './unknown.js';
import { WordText } from './word-text.js';

const requireFromHere = createRequire(import.meta.url);

export const DEFAULT_TIME_BUDGET_MS = 5_000;
/** Words beyond this are not read (a 30 MB minified bundle); the finding list says so. */
export const MAX_WORDS = 3_000_000;
export const UNKNOWN_LICENSE = 'LicenseRef-clearance-unknown';

const KIND_RANK = { 'license-notice': 0, 'license-reference': 1 } as const;

/** One finding per statement: a URL or phrase inside a notice of the same license is part of that notice. */
function dedupeHits(hits: NoticeHit[]): NoticeHit[] {
  const members = (h: NoticeHit): number => h.license.split(/ (?:OR|AND) /).length;
  const sorted = [...hits].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || members(b) - members(a) || a.first - b.first);
  const out: NoticeHit[] = [];
  for (const h of sorted) {
    // A choice ("CDDL-1.1 OR GPL-2.0-only") absorbs a member that starts inside it, wherever that mention ends.
    const dup = out.find((o) => (o.license === h.license && h.first >= o.first - 1 && h.last <= o.last + 1) || (members(o) > 1 && sameLicense(o.license, h.license) && h.first >= o.first - 1 && h.first <= o.last + 1));
    if (!dup) out.push(h);
  }
  return out;
}

/** "GPL-2.0-or-later" and "GPL-2.0-only", "MPL-2.0" and its no-copyleft variant: one license, one notice. */
function family(id: string): string {
  return id.replace(/-(?:only|or-later|no-copyleft-exception)$/, '');
}

/** The license of a notice, or one member of its choice ("MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later"). */
function sameLicense(notice: string, id: string): boolean {
  return notice.split(/ (?:OR|AND) /).some((member) => family(member) === family(id));
}

/** Lines within which a weak GNU mention yields: a bare one spans a whole notice with its warranty paragraphs. */
const WEAK_MENTION_REACH = { 'version-only': 25, unversioned: 40 } as const;

/**
 * Whether a weak GNU mention yields to a stronger statement of the same license at `other`: one within reach, or,
 * for a mention with no version at all, any statement before it ("under the terms of the GNU GPL" in a --version
 * string, a .po file's msgid, a borrowed macro below a GPL-3.0-or-later header: the header gives the version). A
 * statement after it and out of reach may head another part of a concatenated file (aclocal.m4), so it does not.
 */
function yieldsTo(weak: NoticeHit, other: NoticeHit): boolean {
  const distance = Math.abs(other.first - weak.first);
  return distance <= WEAK_MENTION_REACH[weak.weak!] || (weak.weak === 'unversioned' && other.first < weak.first);
}

/** MODULE_LICENSE("Dual MIT/GPL") is read by its own table; the words inside it are no separate statements. */
function dropBesideKernelModule(hits: NoticeHit[]): NoticeHit[] {
  const kernelLines = new Set(hits.filter((h) => h.matchedBy === 'reference:kernel-module-license').map((h) => h.first));
  return hits.filter((h) => h.matchedBy === 'reference:kernel-module-license' || !(h.first === h.last && kernelLines.has(h.first)));
}

/**
 * Statements (notices and references) beyond this many in one file are not read: a license list or a generated file
 * that names a license on every line would otherwise make the overlap checks below take minutes.
 */
export const MAX_STATEMENTS = 2_000;

function firstStatements(hits: NoticeHit[]): { hits: NoticeHit[]; dropped: number } {
  if (hits.length <= MAX_STATEMENTS) return { hits, dropped: 0 };
  const kept = [...hits].sort((a, b) => a.first - b.first).slice(0, MAX_STATEMENTS);
  return { hits: kept, dropped: hits.length - MAX_STATEMENTS };
}

/** "GNU General Public License" or "/usr/share/common-licenses/GPL-2" near an explicit GNU notice belongs to it. */
function dropWeakGnuMentions(hits: NoticeHit[]): NoticeHit[] {
  const gnuFamily = (id: string): string | null => /^(A|L)?GPL-/.exec(id)?.[0] ?? null;
  // A whole notice naming a version ("free software … under the GNU GPL version 2") outranks a bare versioned mention
  // (a common-licenses path, a URL) near it: the notice is what the file says.
  const rank = (h: NoticeHit): number => (h.weak === 'unversioned' ? 0 : h.weak === 'version-only' ? (h.kind === 'license-notice' ? 2 : 1) : 3);
  return hits.filter((h) => {
    if (!h.weak) return true;
    const f = gnuFamily(h.license);
    return !hits.some((o) => o !== h && rank(o) > rank(h) && gnuFamily(o.license) === f && yieldsTo(h, o));
  });
}

function gnuBase(id: string): string | null {
  const m = /^((?:A|L)?GPL-\d\.\d)-(?:only|or-later)$/.exec(id);
  return m ? m[1]! : null;
}

let exceptionIdSet: Set<string> | null = null;

/** Exception ids: those the combiner joins to the license before them. */
function knownExceptionIds(): Set<string> {
  if (!exceptionIdSet) exceptionIdSet = new Set((requireFromHere('spdx-exceptions') as string[]));
  return exceptionIdSet;
}

/** The SPDX LGPL-3.0 text is the LGPL part followed by GPL-3.0: a GPL-3.0 text right after LGPL-3.0 belongs to it. */
function mergeLgpl3WithGpl3(findings: DetectedFinding[], lines: LineIndex): void {
  for (let i = 0; i < findings.length; i++) {
    const lgpl = findings[i]!;
    if (lgpl.kind !== 'license-text' || !lgpl.license?.startsWith('LGPL-3.0')) continue;
    const gplAt = findings.findIndex((g) => g.kind === 'license-text' && g.license === 'GPL-3.0-only' && g.startLine > lgpl.endLine && g.startLine - lgpl.endLine <= 6);
    if (gplAt < 0) continue;
    const gpl = findings[gplAt]!;
    lgpl.endLine = gpl.endLine;
    lgpl.text = lines.slice(lgpl.startLine - 1, lgpl.endLine - 1, 100_000);
    lgpl.score = Math.min(lgpl.score, gpl.score);
    lgpl.modified = lgpl.modified || gpl.modified;
    lgpl.matchedBy += '+license-text:GPL-3.0-only';
    findings.splice(gplAt, 1);
  }
}

/** What detect() already worked out for the same text: the parts worth reading and the line index. */
export interface Prepared {
  slices: TextSlice[];
  lines: LineIndex;
}

export function detectLicenses(text: string, options: DetectOptions = {}, prepared?: Prepared): DetectedFinding[] {
  // Most source files say nothing about licensing: one keyword scan settles them.
  const slices = prepared?.slices ?? focusSlices(text);
  if (slices.length === 0) return [];
  const deadline = Date.now() + (options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  const lines = prepared?.lines ?? new LineIndex(text);
  const index = referenceIndex();
  const exceptionIds = knownExceptionIds();

  const findings: DetectedFinding[] = [];
  const coverage = new Coverage();
  findings.push(...findSpdxTags(slices, lines));

  const normalized = normalizeFocused(text, slices, lines, MAX_WORDS);
  const ids = toTokenIds(normalized.words, index.vocab);
  const wordText = new WordText(normalized.words, normalized.lines, (i) => lines.line(i, 400));
  const tokenized = withoutEmbeddedAlternatives(wordText, { words: normalized.words, lines: normalized.lines, ids });

  const textMatches = detectLicenseTexts(tokenized, index, deadline);
  const nearMisses: typeof textMatches = [];
  for (const t of textMatches) {
    const first = tokenized.lines[t.match.start]!;
    const last = tokenized.lines[t.match.end - 1]!;
    if (!t.accepted) {
      nearMisses.push(t);
      continue;
    }
    coverage.add(first, last);
    findings.push(makeFinding(lines, 'license-text', t.id, first, last, `license-text:${t.id}`, t.match.score));
  }

  mergeLgpl3WithGpl3(findings, lines);

  const statements = firstStatements([...findNotices(wordText), ...findReferences(wordText, slices, lines), ...kernelModuleLicenses(text, (o) => lines.lineAt(o))]);
  const deduped = dedupeHits(statements.hits);
  const strongerGnu = dropWeakGnuMentions(deduped);
  const kept = new Set(strongerGnu);
  const yielded = deduped.filter((h) => !kept.has(h));
  const hits = dropBesideKernelModule(strongerGnu)
    .filter((h) => !coverage.overlaps(h.first, h.last, 1) || notInOverlappingText(h, wordText, findings, index))
    .filter((h, _, all) => !conventionSettled(h, findings, all));
  const noticeFindings: DetectedFinding[] = [];
  const blocks: Array<{ first: number; last: number; license: string }> = [];
  for (const h of hits.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.first - b.first)) {
    let [first, last] = [h.first, h.last];
    const block = blocks.find((b) => first >= b.first && last <= b.last);
    // Inside a notice: the same license again, or a bare GNU mention, is part of that notice.
    if (block && !h.exception && (sameLicense(block.license, h.license) || h.matchedBy.endsWith('-unversioned') || h.license.startsWith('LicenseRef-'))) continue;
    if (h.kind === 'license-notice' && !h.exception) {
      [first, last] = extendNoticeBlock(lines, first, last, (i) => coverage.overlaps(i, i));
      blocks.push({ first, last, license: h.license });
    }
    noticeFindings.push(makeFinding(lines, h.kind, h.license, first, last, h.matchedBy, h.score ?? 1, { modified: false }));
  }
  findings.push(...noticeFindings);
  for (const f of noticeFindings) coverage.add(f.startLine - 1, f.endLine - 1);
  // A GNU mention that yields to the file's versioned notice still explains its lines: no unknown-license there.
  for (const h of yielded) coverage.add(h.first, h.last);

  // A full GNU text is reported as "-only" unless the same file says "or (at your option) any later version".
  for (const f of findings) {
    if (f.kind !== 'license-text' || !f.license?.endsWith('-only')) continue;
    const base = gnuBase(f.license);
    if (base && noticeFindings.some((n) => n.license === `${base}-or-later`)) {
      f.license = `${base}-or-later`;
      f.matchedBy += '+notice:or-later';
    }
  }

  for (const t of nearMisses) {
    const first = tokenized.lines[t.match.start]!;
    const last = tokenized.lines[t.match.end - 1]!;
    if (coverage.overlaps(first, last)) continue;
    coverage.add(first, last);
    findings.push(makeFinding(lines, 'unknown-license', UNKNOWN_LICENSE, first, last, `near-match:${t.id}`, t.match.score, { modified: true }));
  }
  const besideGnuNotice = findings.some((f) => f.license !== null && /\b(?:A|L)?GPL-/.test(f.license));
  for (const c of legalClusters(text, deadline, normalized.lineRanges, besideGnuNotice)) {
    if (coverage.overlaps(c.first, c.last, 2)) continue;
    findings.push(makeFinding(lines, 'unknown-license', UNKNOWN_LICENSE, c.first, c.last, 'legal-phrases', 0, { modified: false }));
  }

  const combined = combineExceptions(findings, exceptionIds, (a, b) => lines.slice(a, b, 100_000));
  const incomplete =
    Date.now() > deadline ? { by: 'incomplete:time-budget', error: `detection stopped after the ${options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS} ms time budget` }
    : normalized.words.length >= MAX_WORDS ? { by: 'incomplete:size', error: `only the first ${MAX_WORDS} words were read` }
    : statements.dropped > 0 ? { by: 'incomplete:statements', error: `only the first ${MAX_STATEMENTS} license statements were read (${statements.dropped} more)` }
    : null;
  if (incomplete) {
    combined.push({
      ...makeFinding(lines, 'unknown-license', null, 0, 0, incomplete.by, 0, { modified: false }),
      endLine: lines.lineCount,
      text: '',
      error: incomplete.error,
    });
  }
  return combined.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
}
