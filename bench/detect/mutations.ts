// Edits real license texts the way projects edit them (a sentence or a clause dropped) and checks the detector's
// choice among siblings: the id it reports must be at least as close to the edited text as the text it came from.
// Reporting the original id (modified), a near match, or a sibling that the edit turned the text into (MIT without
// its condition is MIT-0) is right; reporting a sibling farther from the text than the original is a wrong choice.
// Run: npx tsx bench/detect/mutations.ts [--list]
import { diffArrays } from 'diff';
import { detectLicenses } from '../../electron/main/engine/2-detect/licenses/index.js';
import { referenceText } from '../../electron/main/engine/2-detect/licenses/index.js';
import { normalizeWords } from '../../electron/main/engine/2-detect/licenses/normalize.js';

/** The close relatives of the detection issue, and the most used texts. */
const LICENSES = [
  'BSD-2-Clause', 'BSD-3-Clause', 'BSD-4-Clause', 'BSD-3-Clause-Clear', 'BSD-2-Clause-Patent', 'BSD-3-Clause-No-Nuclear-License', 'BSD-4-Clause-UC',
  'MIT', 'MIT-0', 'X11', 'ISC', '0BSD', 'Apache-2.0', 'Zlib', 'BSL-1.0', 'Unlicense', 'MPL-2.0', 'MPL-1.1', 'EPL-2.0', 'CC0-1.0',
  'PostgreSQL', 'NCSA', 'Python-2.0', 'PSF-2.0', 'OpenSSL', 'libpng-2.0', 'curl', 'WTFPL', 'HPND', 'bzip2-1.0.6',
];

const FILL: Array<[RegExp, string]> = [
  [/<year>|\[yyyy\]|\[year\]/gi, '2021'],
  [/<copyright holders?>|<owner>|\[name of copyright owner\]|\[fullname\]|<organization>|<name of author>/gi, 'Jane Example'],
];

function words(text: string): string[] {
  return normalizeWords(text, { dropCopyrightLines: true }).words;
}

/** Share of the longer word list that the two lists have in common, in order. */
function similarity(a: string[], b: string[]): number {
  const changes = diffArrays(a, b, { timeout: 2_000 });
  if (!changes) return 0;
  const common = changes.filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.count!, 0);
  return common / Math.max(a.length, b.length);
}

/** Sentences (and for short texts, clauses between commas) whose removal makes one edit each. */
function edits(text: string): Array<{ what: string; edited: string }> {
  const out: Array<{ what: string; edited: string }> = [];
  const sentences = text.match(/[^.;:]+[.;:]+\s*/g) ?? [];
  for (const s of sentences) if (s.trim().split(/\s+/).length >= 4) out.push({ what: `sentence "${s.trim().slice(0, 70)}"`, edited: text.replace(s, '') });
  if (text.length < 2_500) {
    const clauses = text.match(/[^,.;:]+,\s*/g) ?? [];
    for (const c of clauses) if (c.trim().split(/\s+/).length >= 4) out.push({ what: `clause "${c.trim().slice(0, 70)}"`, edited: text.replace(c, '') });
  }
  return out;
}

let total = 0;
let wrong = 0;
let same = 0;
let closerSibling = 0;
let near = 0;
let nothing = 0;
const listed: string[] = [];
for (const id of LICENSES) {
  let text = referenceText(id);
  if (text === null) continue;
  for (const [re, value] of FILL) text = text.replace(re, value);
  for (const { what, edited } of edits(text)) {
    total++;
    const texts = detectLicenses(edited, { timeBudgetMs: 10_000 }).filter((f) => f.kind === 'license-text');
    const reported = texts.map((f) => f.license!);
    if (reported.length === 0) {
      const unknown = detectLicenses(edited, { timeBudgetMs: 10_000 }).some((f) => f.kind === 'unknown-license');
      if (unknown) near++;
      else nothing++;
      if (!unknown) listed.push(`${id}: nothing reported after removing ${what}`);
      continue;
    }
    if (reported.every((r) => r === id || r.startsWith(`${id} WITH`))) {
      same++;
      continue;
    }
    const editedWords = words(edited);
    const fromOriginal = similarity(words(text), editedWords);
    const others = reported.filter((r) => r !== id);
    const worse = others.filter((r) => {
      const ref = referenceText(r);
      return ref === null || similarity(words(ref), editedWords) + 0.005 < fromOriginal;
    });
    if (worse.length === 0) closerSibling++;
    else {
      wrong++;
      listed.push(`${id}: after removing ${what} → ${reported.join(', ')} (original ${fromOriginal.toFixed(3)}, ${worse.map((r) => `${r} ${similarity(words(referenceText(r) ?? ''), editedWords).toFixed(3)}`).join(', ')})`);
    }
  }
}
const pct = (n: number): string => `${((100 * n) / total).toFixed(1)} %`;
console.log(`# Edited license texts: ${LICENSES.length} licenses, ${total} edits (one sentence or clause removed each)`);
console.log(`original id (modified): ${same} (${pct(same)}); a sibling at least as close: ${closerSibling} (${pct(closerSibling)}); near match / unknown: ${near} (${pct(near)}); nothing: ${nothing} (${pct(nothing)})`);
console.log(`wrong sibling (farther from the text than the original): ${wrong} (${pct(wrong)})`);
if (process.argv.includes('--list')) console.log(listed.join('\n'));
