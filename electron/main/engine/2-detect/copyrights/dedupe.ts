/** Merges copyright statements of one component: same holder → one statement with the union of years. */

const YEAR_RANGE = /(1[89]\d\d|20\d\d)(?:\s*[-–—]\s*(1[89]\d\d|20\d\d|\d\d))?/g;
const MARKERS = /\(c\)|©|\bcopyright\b:?|spdx-filecopyrighttext:?/gi;

function holderKey(statement: string): string {
  return statement
    .replace(MARKERS, ' ')
    .replace(/all\s+rights\s+reserved\.?/gi, ' ')
    .replace(YEAR_RANGE, ' ')
    .replace(/\b(?:present|to)\b/gi, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@]+/gu, ' ')
    .trim();
}

function holderText(statement: string): string {
  return statement
    .replace(MARKERS, ' ')
    .replace(/all\s+rights\s+reserved\.?/gi, ' ')
    .replace(YEAR_RANGE, ' ')
    .replace(/\s*(?:[-–—,]\s*)+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, '')
    .trim();
}

function yearsOf(statement: string): number[] {
  const out: number[] = [];
  for (const m of statement.matchAll(YEAR_RANGE)) {
    const from = Number(m[1]);
    let to = m[2] ? Number(m[2]) : from;
    if (m[2] && m[2].length === 2) to = Math.floor(from / 100) * 100 + to;
    if (to < from || to - from > 200) to = from;
    for (let y = from; y <= to; y++) out.push(y);
  }
  return out;
}

function compactYears(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Unique statements, in first-seen order; statements differing only in years, case, (c) or spacing merge. */
export function dedupeCopyrights(statements: string[]): string[] {
  const groups = new Map<string, { holder: string; years: number[]; original: string }>();
  for (const s of statements) {
    const key = holderKey(s);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.years.push(...yearsOf(s));
    else groups.set(key, { holder: holderText(s), years: yearsOf(s), original: s.trim() });
  }
  return [...groups.values()].map((g) => (g.years.length ? `Copyright (c) ${compactYears(g.years)} ${g.holder}` : g.original));
}
