// Reads a machine-readable Debian copyright file (DEP-5, https://dep-team.pages.debian.net/deps/dep5/): which
// License the maintainers give each file of the upstream tree. Written by hand: DEP-5 globs are not shell globs
// ('*' and '?' match '/' and leading dots), so picomatch and friends would match differently.

export interface FilesStanza {
  patterns: RegExp[];
  /** The License field's first line: a short name or an expression ("GPL-2+", "BSD-3-clause or GPL-2+"). */
  license: string;
}

interface Field {
  name: string;
  value: string;
}

function fields(paragraph: string): Field[] {
  const out: Field[] = [];
  for (const line of paragraph.split('\n')) {
    if (/^[ \t]/.test(line) && out.length > 0) out[out.length - 1]!.value += `\n${line}`;
    else {
      const m = /^([A-Za-z][\w-]*):[ \t]*(.*)$/.exec(line);
      if (m) out.push({ name: m[1]!.toLowerCase(), value: m[2]! });
    }
  }
  return out;
}

/** A DEP-5 pattern as an anchored regular expression; a pattern naming a folder also covers what is inside it. */
export function dep5Pattern(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^(?:\\./)?${re.replace(/\\\/$/, '')}(?:/.*)?$`, 's');
}

/** The Files stanzas of a DEP-5 copyright file, in order; null when the file is not DEP-5. */
export function filesStanzas(copyright: string): FilesStanza[] | null {
  const paragraphs = copyright.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/);
  if (!/^Format:\s*\S*(?:copyright-format|dep5)/im.test(paragraphs[0] ?? '')) return null;
  const out: FilesStanza[] = [];
  for (const paragraph of paragraphs) {
    const f = fields(paragraph);
    const files = f.find((x) => x.name === 'files');
    const license = f.find((x) => x.name === 'license');
    if (!files || !license) continue;
    out.push({ patterns: files.value.split(/\s+/).filter(Boolean).map(dep5Pattern), license: license.value.split('\n')[0]!.trim() });
  }
  return out;
}

/** The License of a path of the upstream tree: the last stanza that matches it wins (DEP-5). */
export function licenseOf(stanzas: FilesStanza[], relativePath: string): string | null {
  for (let i = stanzas.length - 1; i >= 0; i--) if (stanzas[i]!.patterns.some((p) => p.test(relativePath))) return stanzas[i]!.license;
  return null;
}
