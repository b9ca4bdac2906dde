import { exceptionIdList, licenseIds } from '../../../../shared/spdx/catalog';

export interface Suggestions {
  /** Where the word being typed starts and ends in the text. */
  from: number;
  to: number;
  items: string[];
}

const operators = ['AND', 'OR', 'WITH'];

/**
 * License ids (or, after WITH, exception ids) for the word the caret is in: ids that start with it first, then
 * ids that contain it, case-insensitive; operators are offered after a complete id.
 */
export function suggestLicenses(text: string, caret: number = text.length, limit = 8): Suggestions {
  let from = caret;
  while (from > 0 && !/[\s()]/.test(text[from - 1]!)) from--;
  let to = caret;
  while (to < text.length && !/[\s()]/.test(text[to]!)) to++;
  const word = text.slice(from, to);
  const before = text.slice(0, from).trimEnd().split(/[\s()]+/).pop() ?? '';
  // Nothing to complete: an empty word, or an operator already typed out.
  if (word === '' || operators.includes(word)) return { from, to, items: [] };
  const pool = before.toUpperCase() === 'WITH' ? exceptionIdList : licenseIds;
  const needle = word.toLowerCase();
  const exact = pool.find((id) => id.toLowerCase() === needle);
  // Shorter ids first: "mi" means MIT far more often than Minpack.
  const starts = pool.filter((id) => id.toLowerCase().startsWith(needle) && id !== exact).sort((a, b) => a.length - b.length || a.localeCompare(b));
  // Matches inside an id only from three letters on: "or" would otherwise list half the SPDX list.
  const contains = needle.length < 3 ? [] : pool.filter((id) => !id.toLowerCase().startsWith(needle) && id.toLowerCase().includes(needle));
  const ops = exact ? [] : operators.filter((op) => op.toLowerCase().startsWith(needle));
  const items = [...(exact ? [exact] : []), ...ops, ...starts, ...contains].slice(0, limit);
  // A word already complete and alone on the list needs no menu.
  return { from, to, items: items.length === 1 && items[0] === word ? [] : items };
}

const canonicalIds = new Map([...licenseIds, ...exceptionIdList].map((id) => [id.toLowerCase(), id]));

/**
 * Corrects the case of known ids and operators ("mit or apache-2.0" → "MIT OR Apache-2.0"): SPDX ids match
 * case-insensitively, but the parser wants them as listed.
 */
export function fixCase(text: string): string {
  return text.replace(/[A-Za-z0-9.+:-]+/g, (word) => {
    const upper = word.toUpperCase();
    if (upper === 'AND' || upper === 'OR' || upper === 'WITH') return upper;
    if (word.startsWith('LicenseRef-') || word.startsWith('DocumentRef-')) return word;
    const plus = word.endsWith('+') ? '+' : '';
    return (canonicalIds.get(word.slice(0, word.length - plus.length).toLowerCase()) ?? word.slice(0, word.length - plus.length)) + plus;
  });
}

/** The text with the word at [from, to) replaced by the chosen item, and where the caret goes. */
export function applySuggestion(text: string, suggestions: Suggestions, item: string): { text: string; caret: number } {
  const head = text.slice(0, suggestions.from) + item;
  const tail = text.slice(suggestions.to);
  const spaced = tail.startsWith(' ') || tail.startsWith(')') ? tail : ` ${tail}`;
  return { text: (head + spaced).replace(/\s+$/, ' '), caret: head.length + 1 };
}
