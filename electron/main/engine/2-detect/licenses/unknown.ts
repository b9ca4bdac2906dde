import type { LineIndex } from '../text/lines.js';
import { forEachLine } from './normalize.js';

/** Legal phrasing that marks license text; a strong phrase alone is enough, weak ones need company. */
const STRONG = /permission is hereby granted|redistribution and use in source and binary forms|permission to use,? copy,? modify|this software is provided (?:by .{0,80})?["'“]?as is|licensed under|you may not use this file except|is free software[;,:]? you can redistribute|without warranty of any kind|the above copyright notice and this permission notice|subject to the following conditions/i;
const WEAK = /warrant(?:y|ies)|merchantability|fitness for a particular purpose|liable for any|redistribut|sublicense|licensee|licensor|terms and conditions|disclaim|\blicen[cs]e\b|permission|royalty|infring/i;

/** Lines longer than this are probed with a window only (minified code). */
const PROBE_CHARS = 4000;

export interface LegalCluster {
  first: number;
  last: number;
  strong: number;
  weak: number;
}

/** Groups of lines with legal phrasing: the places where license text is, known or not. */
export function legalClusters(text: string, deadline: number, lineRanges: Array<[number, number]>): LegalCluster[] {
  const clusters: LegalCluster[] = [];
  let current: LegalCluster | null = null;
  let range = 0;
  forEachLine(text, (raw, i) => {
    if ((i & 1023) === 0 && Date.now() > deadline) return false;
    while (range < lineRanges.length && lineRanges[range]![1] < i) range++;
    if (range >= lineRanges.length) return false;
    if (i < lineRanges[range]![0]) return true;
    const line = raw.length > PROBE_CHARS ? raw.slice(0, PROBE_CHARS) : raw;
    const strong = STRONG.test(line);
    const weak = !strong && WEAK.test(line);
    if (!strong && !weak) {
      if (current && i - current.last > 3) {
        clusters.push(current);
        current = null;
      }
      return true;
    }
    if (!current) current = { first: i, last: i, strong: 0, weak: 0 };
    current.last = i;
    if (strong) current.strong++;
    else current.weak++;
    return true;
  });
  if (current) clusters.push(current);
  return clusters.filter((c) => c.strong >= 1 && c.strong + c.weak >= 2);
}

export function describeCluster(lines: LineIndex, c: LegalCluster): string {
  return lines.slice(c.first, c.last, 2000);
}
