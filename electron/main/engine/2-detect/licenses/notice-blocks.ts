import type { LineIndex } from '../text/lines.js';

/** Lines that belong to a standard license notice (GNU, Apache, MPL headers): warranty, address, where to get it. */
/** The same for the other standard headers (ASF, Eclipse, CDDL/GlassFish, Boost, CC0, the Mozilla tri-license block). */
const OTHER_BOILERPLATE = /apache software foundation|contributor license agreements|the notice file|additional information|copyright ownership|the asf licenses|accompan(?:ying|ies|ied)|eclipse\.org|eclipse public licen|eclipse distribution licen|boost\.org|license_1_0|creativecommons\.org|public domain|neighboring rights|without any warranty|can be found|found in the licen|which is available|is available at|common development|distribution licen|cddl|\bgpl\b|classpath|designates this|collectively|provisions of the|instead of those|same terms as perl/i;

const BOILERPLATE = /free software|redistribute|modify it|warrant|merchantability|fitness|particular purpose|general public licen|for more details|received a copy|along with th|write to the free software|foundation|boston|franklin|temple place|mass ave|\busa\b|gnu\.org|\/licenses\/|you may not use this file|compliance with the licen|obtain a copy of the licen|apache\.org|required by applicable law|agreed to in writing|distributed on an|as is|without warranties or conditions|express or implied|see the licen|governing permissions|limitations under the licen|mozilla\.org|mozilla public licen|source code form|this file is part of|incompatible with secondary|exhibit b|this (?:program|library|file) is distributed|in the hope that|lesser general|library general|either version|any later version|licensed under|the licen[cs]e\b/i;

const MAX_BLANK_RUN = 1;

/** No words: blank, comment markers only, or an empty line of a string literal (`"   \\n"` in --version text). */
function isBlankOrCommentOnly(line: string): boolean {
  return !/[A-Za-z0-9]/.test(line.replace(/\\[nrt]/g, ''));
}

const BLOCK_REACH = 80;

function licenseBlock(lines: LineIndex, first: number): [number, number] | null {
  let begin = -1;
  for (let i = first; i >= 0 && i >= first - 15; i--) {
    if (/BEGIN LICEN[CS]E BLOCK/i.test(lines.line(i, 400))) {
      begin = i;
      break;
    }
  }
  if (begin < 0) return null;
  for (let i = first; i < lines.lineCount && i <= begin + BLOCK_REACH; i++) if (/END LICEN[CS]E BLOCK/i.test(lines.line(i, 400))) return [begin, i];
  return null;
}

/** Widens a notice over the surrounding boilerplate lines, so its warranty paragraph is not "unknown" text. */
export function extendNoticeBlock(lines: LineIndex, first: number, last: number, stopAt: (line: number) => boolean): [number, number] {
  const probe = (i: number): 'legal' | 'blank' | 'other' => {
    const text = lines.line(i, 2000);
    if (isBlankOrCommentOnly(text)) return 'blank';
    return BOILERPLATE.test(text) || OTHER_BOILERPLATE.test(text) ? 'legal' : 'other';
  };
  // Mozilla's "***** BEGIN LICENSE BLOCK *****" … "***** END LICENSE BLOCK *****" delimit the whole notice.
  const block = licenseBlock(lines, first);
  if (block) return block;
  let end = last;
  let blanks = 0;
  for (let i = last + 1; i < lines.lineCount && i <= last + 40 && !stopAt(i); i++) {
    const kind = probe(i);
    if (kind === 'other') break;
    if (kind === 'blank') {
      if (++blanks > MAX_BLANK_RUN) break;
      continue;
    }
    blanks = 0;
    end = i;
  }
  let start = first;
  blanks = 0;
  for (let i = first - 1; i >= 0 && i >= first - 15 && !stopAt(i); i--) {
    const kind = probe(i);
    if (kind === 'other') break;
    if (kind === 'blank') {
      if (++blanks > MAX_BLANK_RUN) break;
      continue;
    }
    blanks = 0;
    start = i;
  }
  return [start, end];
}
