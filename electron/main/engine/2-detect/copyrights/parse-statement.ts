/** Parsing of one copyright statement: holders and years, with placeholder and prose rejection. */

const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
/** "2003+", "2016 and later:", "2001 and onwards": open-ended ranges belong to the years, not the holder. */
const OPEN_END = String.raw`(?:\+|\s+(?:and\s+)?(?:later|onwards?)\b:?)?`;
const YEARS = new RegExp(String.raw`${YEAR}(?:\s*(?:[-–—,/]|to)\s*(?:${YEAR}|present|\d{1,2})\b)*(?:\s*,\s*${YEAR}(?:\s*[-–—]\s*(?:${YEAR}|present))?)*${OPEN_END}`, 'gi');
/** Template placeholders of license texts: never a real holder. */
const PLACEHOLDER = /<[^>]{0,60}>|\[[^\]]{0,60}\]|\{[^}]{0,60}\}|\$\{|%[sd]\b|__[A-Z_]+__|\byyyy\b|\byear\b|\bname of (?:the )?(?:copyright )?(?:owner|holder|author)s?\b|^copyright (?:owner|holder)s?$|^the copyright holders?$|^(?:author|owner|holder|your name|fullname|name)$/i;
/** Words after "Copyright" that show prose about copyright, not a statement. */
const PROSE_NEXT = new Set(['notice', 'notices', 'holder', 'holders', 'owner', 'owners', 'law', 'laws', 'and', 'or', 'the', 'to', 'of', 'in', 'on', 'for', 'statement', 'statements', 'license', 'licence', 'is', 'are', 'protection', 'permission', 'information', 'interest', 'infringement', 'act', 'office', 'claim', 'claims', 'file', 'files', 'text', 'header', 'headers', 'line', 'lines', 'year', 'years', 'string', 'field', 'info', 'policy', 'symbol', 'sign', 'date', 'message', 'page', 'check', 'assignment', 'disclaimer', 'as', 'at', 'under', 'by', 'from', 'with', 'this', 'that', 'these', 'those', 'it', 'its', 'may', 'shall', 'will', 'must', 'should', 'can', 'if', 'be', 'was', 'were', 'has', 'have', 'not', 'no', 'all', 'any', 'such']);
const RIGHTS = /\s*[,.;]?\s*(?:all\s+rights\s+reserved|some\s+rights\s+reserved)\.?/gi;
const MARKERS = /\(c\)|©|\bcopyright\b:?|\bcopr\.?/gi;

export interface ParsedStatement {
  statement: string;
  holders: string[];
  years: string | null;
}

/** Where the holder's name ends and a sentence about the file begins: "… Peslyak and it is hereby released to …". */
const CLAUSE_AFTER_HOLDER = /\s+(?:and\s+)?(?:it|this\s+(?:file|software|program|code|library))\s+(?:is|was|has|may)\b.*$|\s+(?:is|are)\s+(?:hereby|licen[cs]ed|released|distributed|free|provided)\b.*$|\.\s+(?:Licen[cs]ed?|This|See|Use|Permission|Distributed|Released|Redistribution|No\s+warranty)\b.*$/is;

function tidyHolder(raw: string): string {
  // Whatever follows "All rights reserved" ("… NO WARRANTY.") is not part of the name.
  const rights = /\b(?:all|some)\s+rights\s+reserved\b/i.exec(raw);
  const named = rights && rights.index > 0 ? raw.slice(0, rights.index) : raw;
  return named
    .replace(RIGHTS, ' ')
    .replace(/<[^>\s]+@[^>\s]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(CLAUSE_AFTER_HOLDER, '')
    // "… Foundation; All Rights" with "Reserved." on the next line.
    .replace(/[\s,;.]+all\s+rights$/i, '')
    // "by" and "and" only as whole words: "Andreas Dilger" keeps its "And".
    .replace(/^(?:(?:by|and)\b|[,.:+\-\s])+/i, '')
    .replace(/[\s,;:.*/\\#-]+$/, '')
    .trim();
}

/**
 * Parses the text that follows a copyright marker. Returns null for prose ("copyright notice"), code
 * ("if (c) {") and template placeholders ("Copyright (c) <year> <copyright holders>").
 */
export function parseStatement(marker: 'copyright' | 'symbol' | 'spdx', rest: string): ParsedStatement | null {
  let body = rest.replace(/\s*(?:\*\/|-->|\*\)|"""|'''|\\n|["'`,;]\s*\)?;?)\s*$/, '').trim();
  if (marker === 'copyright') {
    const next = /^[\s:]*(\(c\)|©|[A-Za-z0-9]+)/i.exec(body);
    if (!next) return null;
    const word = next[1]!.toLowerCase();
    if (PROSE_NEXT.has(word)) return null;
    // A statement without (c)/year must name someone: a capitalised word.
    if (!/^\(c\)|©|\d/i.test(next[1]!) && !/^[A-Z]/.test(next[1]!)) return null;
  }
  // Minified banners: "/*! lib v1 | (c) 2019 Authors | Released under the MIT license */".
  body = body.slice(0, 300).split(/\s\|\s|\*\/|-->/)[0]!;
  const yearParts = body.match(YEARS) ?? [];
  const years = yearParts.length ? yearParts.map((y) => y.trim().replace(/:$/, '')).join(', ') : null;
  if (marker === 'symbol' && !years && !/^\s*[A-Z]/.test(body)) return null;
  const holderText = tidyHolder(body.replace(YEARS, ' ').replace(MARKERS, ' '));
  const placeholderOnly = PLACEHOLDER.test(body) && !years;
  const holderIsPlaceholder = holderText === '' || PLACEHOLDER.test(holderText) && tidyHolder(holderText.replace(new RegExp(PLACEHOLDER.source, 'gi'), ' ')) === '';
  if (placeholderOnly || (holderIsPlaceholder && (!years || PLACEHOLDER.test(body)))) return null;
  if (!years && holderText.length < 2) return null;
  const holders = holderText && !holderIsPlaceholder ? [holderText] : [];
  return { statement: body.replace(/\s+/g, ' ').trim(), holders, years };
}
