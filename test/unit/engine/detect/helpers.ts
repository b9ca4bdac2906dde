import { referenceText } from '../../../../electron/main/engine/2-detect/licenses/index.js';

/** The SPDX reference text of an id (from the spdx-license-list npm package), placeholders filled with a holder. */
export function licenseText(id: string, holder = 'Jane Example'): string {
  const text = referenceText(id);
  if (text === null) throw new Error(`no reference text for ${id}`);
  return text
    .replace(/<year>|\[yyyy\]|<YEAR>|\bYEAR\b/g, '2021')
    .replace(/<copyright holders?>|<owner>|<COPYRIGHT HOLDER>|\[name of copyright owner\]|AUTHOR EMAIL/g, holder);
}

/** 1-based line number of the first line containing `needle`. */
export function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`"${needle}" not found`);
}

export function lineCount(text: string): number {
  return text.split('\n').length;
}

export function comment(text: string, prefix: string): string {
  return text.split('\n').map((l) => (l ? `${prefix} ${l}` : prefix.trimEnd())).join('\n');
}
