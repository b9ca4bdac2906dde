import type { Tokenized } from './license-texts.js';
import type { WordText } from './word-text.js';

/**
 * "ALTERNATIVELY, this product may be distributed under the terms of the GNU General Public License, in which case
 * the provisions of the GPL are required INSTEAD OF the above restrictions" (Linux, e2fsprogs, hostapd): a second
 * license offered inside a BSD text. The GNU rule reports it; for text matching it is cut out, so the BSD text around
 * it is matched whole instead of as two fragments of lesser relatives.
 */
const GPL_ALTERNATIVE =
  /\balternatively (?:[a-z0-9]+ ){0,10}?under the terms of (?:the )?(?:gnu )?general public license(?: gpl)?(?: version \d(?: \d)?)?(?: as published by the free software foundation)?(?:(?: either)? version \d(?: \d)?(?: of the license)?)?(?: or at your option any later version)?(?: in which case the provisions of the gpl are required instead of the above restrictions)?(?: this clause is necessary due to a potential bad interaction between the gpl and the restrictions contained in a bsd style copyright)?/g;

export function withoutEmbeddedAlternatives(t: WordText, input: Tokenized): Tokenized {
  if (!t.joined.includes('alternatively')) return input;
  const cut = new Uint8Array(input.words.length);
  let any = false;
  GPL_ALTERNATIVE.lastIndex = 0;
  for (let m = GPL_ALTERNATIVE.exec(t.joined); m; m = GPL_ALTERNATIVE.exec(t.joined)) {
    const from = t.wordAt(m.index);
    const to = t.wordAt(m.index + m[0].length - 1);
    for (let i = from; i <= to; i++) cut[i] = 1;
    any = true;
  }
  if (!any) return input;
  const keep: number[] = [];
  for (let i = 0; i < cut.length; i++) if (!cut[i]) keep.push(i);
  return {
    words: keep.map((i) => input.words[i]!),
    lines: Int32Array.from(keep, (i) => input.lines[i]!),
    ids: Int32Array.from(keep, (i) => input.ids[i]!),
  };
}
