import { createRequire } from 'node:module';

/** One SPDX reference text: a license from `spdx-license-list`, or an exception. */
export interface ReferenceText {
  id: string;
  kind: 'license' | 'exception';
  name: string;
  url: string | null;
  text: string;
}

interface SpdxListEntry {
  name: string;
  url: string;
  osiApproved: boolean;
  licenseText: string;
}

const requireFromHere = createRequire(import.meta.url);

/**
 * No npm package ships the SPDX exception texts (spdx-exceptions has ids only; spdx-license-list, license.js and
 * @ovyerus/licenses have license texts only). The best available source is the deprecated "GPL-x-with-…-exception"
 * entries of spdx-license-list, whose text is the exception after an "insert GPL text here" line.
 */
const EXCEPTIONS_FROM_COMBINED_IDS: Record<string, string> = {
  'GPL-2.0-with-classpath-exception': 'Classpath-exception-2.0',
  'GPL-2.0-with-GCC-exception': 'GCC-exception-2.0',
  'GPL-2.0-with-font-exception': 'Font-exception-2.0',
  'GPL-2.0-with-bison-exception': 'Bison-exception-2.2',
  'GPL-2.0-with-autoconf-exception': 'Autoconf-exception-2.0',
  'GPL-3.0-with-GCC-exception': 'GCC-exception-3.1',
  'GPL-3.0-with-autoconf-exception': 'Autoconf-exception-3.0',
};

/** The LLVM exception is in no npm package; its text is short and fixed (it ships with every LLVM source tree). */
const LLVM_EXCEPTION = `---- LLVM Exceptions to the Apache 2.0 License ----

As an exception, if, as a result of your compiling your source code, portions
of this Software are embedded into an Object form of such source code, you
may redistribute such embedded portions in such Object form without complying
with the conditions of Sections 4(a), 4(b) and 4(d) of the License.

In addition, if you combine or link compiled forms of this Software with
software that is licensed under the GPLv2 ("Combined Software") and if a
court of competent jurisdiction determines that the patent provision (Section
3), the indemnity provision (Section 9) or other Section of the License
conflicts with the conditions of the GPLv2, you may retroactively and
prospectively choose to deem waived or otherwise exclude such Section(s) of
the License, but only in their entirety and only with respect to the Combined
Software.
`;

let cached: ReferenceText[] | null = null;

/**
 * SPDX's LGPL-3.0 text has the whole GPL-3.0 appended, while COPYING.LESSER files carry the LGPL part alone.
 * The reference keeps the LGPL part; a GPL-3.0 text right after it is merged back by the detector.
 */
function withoutAppendedGpl(id: string, text: string): string {
  if (!/^LGPL-3\.0/.test(id)) return text;
  const at = text.search(/\n\s*GNU GENERAL PUBLIC LICENSE\s*\n\s*Version 3, 29 June 2007/);
  return at > 0 ? text.slice(0, at) : text;
}

function loadSpdxList(): Record<string, SpdxListEntry> {
  return requireFromHere('spdx-license-list/full.js') as Record<string, SpdxListEntry>;
}

export function deprecatedLicenseIds(): Set<string> {
  return new Set(requireFromHere('spdx-license-ids/deprecated.json') as string[]);
}

/** All reference texts, deprecated license ids excluded (their current equivalents carry the same text). */
export function referenceTexts(): ReferenceText[] {
  if (cached) return cached;
  const list = loadSpdxList();
  const deprecated = deprecatedLicenseIds();
  const out: ReferenceText[] = [];
  for (const [id, entry] of Object.entries(list)) {
    const exceptionId = EXCEPTIONS_FROM_COMBINED_IDS[id];
    if (exceptionId) {
      const text = entry.licenseText.replace(/^insert GPL v\d[^\n]*\n/, '').trim();
      out.push({ id: exceptionId, kind: 'exception', name: exceptionId, url: null, text });
      continue;
    }
    if (deprecated.has(id) || id.endsWith('+')) continue;
    out.push({ id, kind: 'license', name: entry.name, url: entry.url || null, text: withoutAppendedGpl(id, entry.licenseText) });
  }
  out.push({ id: 'LLVM-exception', kind: 'exception', name: 'LLVM Exception', url: 'https://llvm.org/foundation/relicensing/LICENSE.txt', text: LLVM_EXCEPTION });
  cached = out;
  return out;
}

/** License names and URLs of every id the list knows, deprecated ones too (for reference phrases and URLs). */
export function licenseCatalog(): Array<{ id: string; name: string; url: string | null; deprecated: boolean }> {
  // The list without texts: workers need names and URLs only, not five megabytes of license texts.
  const list = requireFromHere('spdx-license-list/index.js') as Record<string, Omit<SpdxListEntry, 'licenseText'>>;
  const deprecated = deprecatedLicenseIds();
  return Object.entries(list).map(([id, e]) => ({ id, name: e.name, url: e.url || null, deprecated: deprecated.has(id) }));
}
