// License families by keyword, shared by the labelled sets that select files by what they name (npm-notices.ts,
// debian-sources.ts). The keywords decide only which files are in a set, never the id a detector must find.

/** License families by keyword: enough to tell whether a comment names one license family, and which. */
export const FAMILIES: Array<[string, RegExp]> = [
  ['MIT', /\bMIT\b|\bexpat licen|permission is hereby granted,? free of charge/i],
  ['ISC', /\bISC\b|permission to use, copy, modify,? and(?:\/or)? distribute this software for any purpose/i],
  ['0BSD', /\b0BSD\b|zero[- ]clause BSD/i],
  ['BSD', /\bBSD\b|redistribution and use in source and binary forms/i],
  ['Apache', /\bapache\b/i],
  ['GNU', /\b[LA]?GPL|\bGNU\b|general public licen|free software foundation/i],
  ['MPL', /\bMPL\b|mozilla public/i],
  ['CC0', /\bCC0\b|creative commons zero|publicdomain\/zero/i],
  ['CC-BY', /creative commons attribution|\bCC[- ]BY/i],
  ['Unlicense', /\bunlicen[cs]e\b|free and unencumbered/i],
  ['public-domain', /public domain/i],
  ['BlueOak', /blue ?oak/i],
  ['Python', /\bPSF\b|python software foundation/i],
  ['W3C', /\bW3C\b/i],
  ['Artistic', /artistic licen/i],
  ['EPL', /eclipse (?:public|distribution)/i],
  ['BSL', /boost software/i],
  ['WTFPL', /\bWTFPL\b|do what the f/i],
  ['Zlib', /\bzlib licen/i],
];

/** The family an SPDX id belongs to, in the keyword list's terms. */
export function familyOfId(id: string): string | null {
  if (id === '0BSD') return '0BSD';
  if (/^BSD-/.test(id)) return 'BSD';
  if (/^(?:A|L)?GPL-/.test(id)) return 'GNU';
  if (/^CC-BY/.test(id)) return 'CC-BY';
  if (/^Python-|^PSF-/.test(id)) return 'Python';
  if (/^BlueOak-/.test(id)) return 'BlueOak';
  const head = id.split('-')[0]!;
  return FAMILIES.some(([f]) => f === head) ? head : null;
}

export function familiesIn(comment: string): string[] {
  // "0BSD" also reads as BSD, and ISC's permission sentence is 0BSD's too: the narrower family wins.
  const found = FAMILIES.filter(([, re]) => re.test(comment)).map(([f]) => f);
  if (found.includes('0BSD')) return found.filter((f) => f !== 'BSD' && f !== 'ISC');
  return found;
}

/** The BSD variant a statement states: by name, or by a full text's endorsement clause (3-clause) or its absence. */
export function bsdVariant(comment: string): '2' | '3' | null {
  if (/\b(?:new|modified|revised) BSD\b|\bBSD[- ]3\b|\b(?:3|three)[- ]clause\b|endorse or promote/i.test(comment)) return '3';
  if (/\bsimplified BSD\b|\bFreeBSD licen|\bBSD[- ]2\b|\b(?:2|two)[- ]clause\b|redistribution and use in source and binary forms[\s\S]*(?:disclaimer|provided with the distribution)/i.test(comment)) return '2';
  return null;
}


/** True when the stated BSD variants are several, or one other than the id's (BSD-3-Clause under a 2-clause text). */
export function bsdVariantDisagrees(id: string, variants: Set<'2' | '3'>): boolean {
  return variants.size > 1 || (variants.size === 1 && !id.startsWith(`BSD-${[...variants][0]}-`));
}
