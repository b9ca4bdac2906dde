import type { LineIndex } from '../text/lines.js';
import { scanSlices, type TextSlice } from './focus.js';
import { longestName, phraseWords, scoreOf } from './license-names.js';
import type { NoticeHit } from './notice-hit.js';
import { CONVENTION_SCORE, PUBLIC_DOMAIN } from './notice-families.js';
import { spdxExpressionOf } from './spdx-tags.js';

/** A license field's value: an SPDX expression ("MIT OR Apache-2.0") as it is, else a license name. */
function fieldValue(value: string): { license: string; score?: number } | null {
  const trimmed = value.trim().replace(/[,;]+$/, '');
  if (/^[A-Za-z0-9.+()-]+(?:\s+(?:AND|OR|WITH|and|or|with)\s+[A-Za-z0-9.+()-]+)*$/.test(trimmed)) {
    const expression = spdxExpressionOf(trimmed);
    if (expression) return { license: expression };
  }
  // The Python classifier "Apache Software License" and a bare "Apache License" field: today's Apache license.
  if (/^(?:the )?apache(?: software)? licen[cs]e$/i.test(trimmed)) return { license: 'Apache-2.0', score: CONVENTION_SCORE };
  if (/^public[ -]domain\b/i.test(trimmed)) return { license: PUBLIC_DOMAIN };
  const name = longestName(phraseWords(trimmed), 0);
  return name ? { license: name.id, ...scoreOf(name) } : null;
}

/**
 * Package metadata and README forms: "License: MIT" lines, "@license MIT" tags, "License MIT", "license (MIT)", `"license": "MIT"` (package.json, composer.json),
 * `license = "MIT OR Apache-2.0"` (Cargo, pyproject), `spec.license = 'MIT'` (gemspec), `<license>` elements,
 * Python classifiers, shields.io license badges, and the first line under a "## License" heading.
 */
const FIELDS: Array<[RegExp, string, RegExp]> = [
  // Comment leaders include Vim's '"', TeX's '%' and Fortran's '!'; ':license:' is a reStructuredText field (Sphinx).
  [/^[ \t#*/;>!%":-]{0,6}(?:[A-Za-z_]\w*\.)?licen[sc]es?[ \t]*[:=][ \t]*[[{]?[ \t]*(?:text[ \t]*[:=][ \t]*)?["']?([^\n"'\]}]{1,80})/gim, 'reference:license-field', /licen[cs]e/i],
  // Python module metadata: __license__ = "MIT".
  [/^[ \t]*__licen[sc]e__[ \t]*[:=][ \t]*[rbu]?["']([^"'\n]{1,80})["']/gim, 'reference:license-field', /__licen[cs]e__/i],
  // JSON manifests (package.json, composer.json): the top-level key only; nested ones (package-lock.json) describe
  // dependencies, not the file's package.
  [/^[ \t]{0,2}"licen[sc]es?"[ \t]*:[ \t]*\[?[ \t]*"([^"\n]{1,80})"/gim, 'reference:license-field', /"licen[cs]es?"/i],
  [/<licen[sc]e(?:\s[^>]{0,80})?>[ \t]*([^<\n]{1,80})<\/licen[sc]e>/gi, 'reference:license-field', /<licen[cs]e/i],
  [/\bLicen[sc]e :: (?:OSI Approved :: )?([^"'\n]{1,80})/g, 'reference:classifier', /Licen[cs]e :: /],
  // JSDoc / Closure Compiler "@license MIT" (also "@license MIT https://…"); "@license React" names no license.
  [/^[ \t#*/;>!-]{0,8}@licen[sc]e[ \t]+([^\n]{1,80})/gim, 'reference:license-tag', /@licen[cs]e/i],
  // "License MIT" without a separator: the rest of the line must be an SPDX expression.
  [/^[ \t#*/;>!-]{0,8}licen[sc]e[ \t]+([A-Za-z0-9.+-]+(?:[ \t]+(?:AND|OR|WITH)[ \t]+[A-Za-z0-9.+-]+)*)[ \t]*\.?[ \t]*(?:\*\/)?[ \t]*$/gim, 'reference:license-field', /licen[cs]e/i],
  // "license (MIT): https://…", "licensed (MIT)".
  [/\blicen[sc](?:e|ed)[ \t]*\(([A-Za-z0-9.+-]{2,40})\)/gi, 'reference:license-field', /licen[cs]e/i],
  [/img\.shields\.io\/badge\/licen[cs]e-((?:[^-/\s)]|--){1,60})-[A-Za-z0-9]+/gi, 'reference:badge', /shields\.io/i],
  [/^[ \t]{0,3}(?:#{1,6}[ \t]*licen[sc]e[ \t]*#*|licen[sc]e\r?\n[=-]{3,})[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*([^\n]{1,120})/gim, 'reference:license-heading', /licen[cs]e/i],
];

function badgeText(raw: string): string {
  // shields.io escapes: "--" is a dash, "_" a space ("__" an underscore, not needed for license names).
  let text = raw.split('--').map((part) => part.replace(/_/g, ' ')).join('-');
  try {
    text = decodeURIComponent(text);
  } catch {
    // A stray "%" is left as it is.
  }
  return text;
}

export function licenseFieldReferences(slices: TextSlice[], lines: LineIndex): NoticeHit[] {
  const hits: NoticeHit[] = [];
  for (const [re, matchedBy, needle] of FIELDS) {
    const relevant = slices.filter((slice) => needle.test(slice.text));
    scanSlices(relevant, re, (m, at) => {
      const found = fieldValue(matchedBy === 'reference:badge' ? badgeText(m[1]!) : m[1]!);
      if (!found) return;
      const line = lines.lineAt(at + m[0].length - 1);
      hits.push({ kind: 'license-reference', license: found.license, first: line, last: line, matchedBy, start: -1, end: -1, ...(found.score !== undefined ? { score: found.score } : {}) });
    });
  }
  return hits;
}
