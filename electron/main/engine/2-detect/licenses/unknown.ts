import type { LineIndex } from '../text/lines.js';
import { forEachLine } from './normalize.js';

/**
 * Statements that license (or restrict) the file on their own, whatever the license: "distributed under the same
 * license as the flatpak package", "unpublished proprietary source code", "may not be reproduced without written
 * permission". A known license among them is reported as that license; what remains is an unknown-license finding.
 */
const STATEMENT = new RegExp(
  [
    String.raw`\b(?:is|are|be|been|being)\s+(?:distributed|licen[cs]ed|released|made available|provided|published|offered)\s+under\s+(?:the\s+)?(?:same|terms|conditions|a|an|its|their|our|this|these|following|separate|different|custom)\b`,
    String.raw`\bunder the same (?:licen[cs]e|terms)(?: and conditions)? as\b`,
    // A comment line naming the file's license or terms ("// License & terms of use: http://www.unicode.org/…"); Vim
    // script comments start with '"'.
    String.raw`^\s*(?:\/\/|#|\*|\/\*|;|--|%|!|")[\s/*#;!%-]*(?:licen[cs]e|licensing|terms of use)(?:\s*(?:&|and)\s*terms of use)?\s*:[ \t]*[^\s*]`,
    // An agreement that governs the file, or an agreement's title line; not code and API docs that handle EULAs.
    String.raw`\b(?:subject to|governed by|under|accept(?:ance of)?) (?:the )?(?:terms (?:and conditions )?of )?(?:the|this|your|an?|its) (?:[\w-]+ ){0,4}?(?:(?<!contributor )licen[cs]e agreement|EULA)\b`,
    String.raw`^\W*(?:[\w.,&-]+\s+){0,6}(?<!contributor\s)licen[cs]e agreement(?:\s+[\w.,&()-]+){0,6}\W*$`,
    String.raw`\b(?:proprietary and confidential|confidential and proprietary|unpublished (?:proprietary|work)|proprietary (?:source code|information|software|property|rights) of|trade secrets? of)\b`,
    String.raw`\bunauthori[sz]ed (?:copying|use|reproduction|distribution|disclosure|modification)\b`,
    String.raw`\bmay not be (?:copied|reproduced|used|disclosed|distributed|redistributed|modified|sold|transmitted)(?:,? (?:in whole or in part|or \w+))*,? (?:\w+ ){0,6}?without\b`,
    String.raw`\bwithout (?:the )?(?:(?:prior|express|explicit|expressed) )*written (?:permission|consent|authori[sz]ation|agreement)\b`,
    String.raw`\b(?:freely (?:distributable|redistributable)|free (?:of charge )?for (?:any|commercial|non-?commercial|personal|academic|private) (?:use|purposes?)|for non-?commercial (?:use|purposes?) only|(?:commercial|any) use (?:is )?(?:strictly )?prohibited)\b`,
  ].join('|'),
  'i',
);
/** Legal phrasing that marks license text; a strong phrase needs one more legal line, weak ones need company. */
const STRONG = /permission is hereby granted|redistribution and use in source and binary forms|permission to use,? copy,? modify|this software is provided (?:by .{0,80})?["'“]?as is|(?:is|are) provided\s+["'“]?as[- ]is\b|licensed under|you may not use this file except|is free software[;,:]? you can redistribute|without (?:any )?warranty(?: of any kind)?|with no warranty|without guarantee|the above copyright notice and this permission notice|subject to the following conditions|strictly prohibited|you may (?:freely )?(?:copy|modify|distribute|redistribute)\b/i;
const WEAK = /warrant(?:y|ies)|merchantability|fitness for a particular purpose|liable for any|redistribut|sublicense|licensee|licensor|terms and conditions|disclaim|\blicen[cs]e\b|permission|royalty|infring|confidential|proprietary|all rights reserved/i;

/** The GNU notice's own sentences: beside a GNU notice they are part of it, not another license. */
const GNU_BOILERPLATE = /is free software[;,:]? you can redistribute|in the hope that it will be useful|without any warranty;?\s*without even the implied warranty/i;

/** Lines longer than this are probed with a window only (minified code). */
const PROBE_CHARS = 4000;

export interface LegalCluster {
  first: number;
  last: number;
  strong: number;
  weak: number;
  statement: number;
}

/** Groups of lines with legal phrasing: the places where license text is, known or not. */
export function legalClusters(text: string, deadline: number, lineRanges: Array<[number, number]>, besideGnuNotice = false): LegalCluster[] {
  const clusters: LegalCluster[] = [];
  let current: LegalCluster | null = null;
  let range = 0;
  forEachLine(text, (raw, i) => {
    if ((i & 1023) === 0 && Date.now() > deadline) return false;
    while (range < lineRanges.length && lineRanges[range]![1] < i) range++;
    if (range >= lineRanges.length) return false;
    if (i < lineRanges[range]![0]) return true;
    const line = raw.length > PROBE_CHARS ? raw.slice(0, PROBE_CHARS) : raw;
    const statement = STATEMENT.test(line);
    const boilerplate = besideGnuNotice && !statement && GNU_BOILERPLATE.test(line);
    const strong = !boilerplate && (statement || STRONG.test(line));
    const weak = !strong && (boilerplate || WEAK.test(line));
    if (!strong && !weak) {
      if (current && i - current.last > 3) {
        clusters.push(current);
        current = null;
      }
      return true;
    }
    if (!current) current = { first: i, last: i, strong: 0, weak: 0, statement: 0 };
    current.last = i;
    if (statement) current.statement++;
    if (strong) current.strong++;
    else current.weak++;
    return true;
  });
  if (current) clusters.push(current);
  return clusters.filter((c) => c.statement >= 1 || (c.strong >= 1 && c.strong + c.weak >= 2));
}

export function describeCluster(lines: LineIndex, c: LegalCluster): string {
  return lines.slice(c.first, c.last, 2000);
}
