import { licenseCatalog } from './reference-texts.js';
import { normalizeWords } from './normalize.js';
import { CONVENTION_SCORE } from './notice-families.js';

/** License names: the SPDX list's ids and names, common aliases, and names read by convention. */

/** Words that carry no meaning inside a license name ("Eclipse Public License v2.0" = "Eclipse Public License 2.0"). */
export const FILLER = new Set(['version', 'v', 'ver', 'the']);

/** Short names in common use that the SPDX list does not spell out. */
const ALIASES: Record<string, string> = {
  'mit': 'MIT',
  'mit license': 'MIT',
  'expat': 'MIT',
  'expat license': 'MIT',
  'isc': 'ISC',
  'isc license': 'ISC',
  'new bsd': 'BSD-3-Clause',
  'new bsd license': 'BSD-3-Clause',
  'modified bsd license': 'BSD-3-Clause',
  'revised bsd license': 'BSD-3-Clause',
  'bsd 3 clause license': 'BSD-3-Clause',
  '3 clause bsd license': 'BSD-3-Clause',
  'bsd 3 clause': 'BSD-3-Clause',
  '3 clause bsd': 'BSD-3-Clause',
  'bsd 3': 'BSD-3-Clause',
  'bsd 2': 'BSD-2-Clause',
  'simplified bsd': 'BSD-2-Clause',
  'simplified bsd license': 'BSD-2-Clause',
  'freebsd license': 'BSD-2-Clause',
  'bsd 2 clause license': 'BSD-2-Clause',
  '2 clause bsd license': 'BSD-2-Clause',
  'bsd 2 clause': 'BSD-2-Clause',
  '2 clause bsd': 'BSD-2-Clause',
  'unlicense': 'Unlicense',
  'wtfpl': 'WTFPL',
  'zlib': 'Zlib',
  'zlib license': 'Zlib',
  'cc0': 'CC0-1.0',
  'creative commons zero': 'CC0-1.0',
  'boost software license': 'BSL-1.0',
  'boost license': 'BSL-1.0',
  'artistic license 2 0': 'Artistic-2.0',
  'eclipse public license 1 0': 'EPL-1.0',
  'eclipse public license 2 0': 'EPL-2.0',
  'epl 1 0': 'EPL-1.0',
  'epl 2 0': 'EPL-2.0',
  'cddl 1 0': 'CDDL-1.0',
  'cddl 1 1': 'CDDL-1.1',
  'python software foundation license': 'PSF-2.0',
  'psf license': 'PSF-2.0',
  'psf': 'PSF-2.0',
  'psfl': 'PSF-2.0',
  'python license': 'Python-2.0',
  'blue oak model license 1 0 0': 'BlueOak-1.0.0',
  'microsoft public license': 'MS-PL',
  'ruby license': 'Ruby',
  'vim license': 'Vim',
  'ms pl': 'MS-PL',
  'microsoft reciprocal license': 'MS-RL',
  'ms rl': 'MS-RL',
  'postgresql license': 'PostgreSQL',
  'ncsa': 'NCSA',
  'university of illinois ncsa open source license': 'NCSA',
  // LLVM's headers: "This file is distributed under the University of Illinois Open Source License."
  'university of illinois open source license': 'NCSA',
  'do what the f ck you want to public license': 'WTFPL',
  'do what the fuck you want to public license': 'WTFPL',
  'creative commons attribution 4 0': 'CC-BY-4.0',
  'creative commons attribution share alike 4 0': 'CC-BY-SA-4.0',
  'creative commons attribution sharealike 4 0': 'CC-BY-SA-4.0',
  'creative commons attribution 3 0': 'CC-BY-3.0',
  'creative commons attribution share alike 3 0': 'CC-BY-SA-3.0',
  'creative commons attribution sharealike 3 0': 'CC-BY-SA-3.0',
};

/**
 * Names whose id is a convention, not the words (reported with CONVENTION_SCORE): a bare "BSD license" is the
 * 3-clause one (Debian's common-licenses/BSD, OSI's "BSD License" page, ScanCode), "BSD-style"/"MIT-style" read as
 * the license they resemble, and the NumPy/SciPy license is their BSD-3-Clause.
 */
const CONVENTIONS: Record<string, string> = {
  'bsd': 'BSD-3-Clause',
  'bsd license': 'BSD-3-Clause',
  'bsd licence': 'BSD-3-Clause',
  'bsd style': 'BSD-3-Clause',
  'bsd style license': 'BSD-3-Clause',
  '3 clause bsd style license': 'BSD-3-Clause',
  'bsd 3 clause style license': 'BSD-3-Clause',
  'bsd modified': 'BSD-3-Clause',
  'modified bsd': 'BSD-3-Clause',
  'mit style': 'MIT',
  'mit style license': 'MIT',
  'numpy license': 'BSD-3-Clause',
  'numpy bsd style license': 'BSD-3-Clause',
  'scipy license': 'BSD-3-Clause',
};

interface TrieNode {
  id?: string;
  score?: number;
  next: Map<string, TrieNode>;
}

export interface NameMatch {
  id: string;
  used: number;
  score?: number;
}

let trie: TrieNode | null = null;

export function phraseWords(text: string): string[] {
  const out: string[] = [];
  for (const w of normalizeWords(text).words) {
    if (FILLER.has(w)) continue;
    const v = /^v(\d+)$/.exec(w);
    out.push(v ? v[1]! : w);
  }
  return out;
}

/** GNU licenses are left to the GNU notice rule, which reads the version and "or later" clause. */
const LEFT_TO_OTHER_RULES = /^(?:L?GPL|AGPL|GFDL|Apache|MPL)-/;

export function phraseTrie(): TrieNode {
  if (trie) return trie;
  const root: TrieNode = { next: new Map() };
  const add = (phrase: string, id: string, score?: number): void => {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    if (node.id) return;
    node.id = id;
    if (score !== undefined) node.score = score;
  };
  for (const [phrase, id] of Object.entries(ALIASES)) add(phrase, id);
  for (const [phrase, id] of Object.entries(CONVENTIONS)) add(phrase, id, CONVENTION_SCORE);
  for (const entry of licenseCatalog()) {
    if (entry.deprecated || LEFT_TO_OTHER_RULES.test(entry.id)) continue;
    add(entry.id, entry.id);
    add(entry.name, entry.id);
  }
  trie = root;
  return root;
}

export function scoreOf(name: NameMatch): { score?: number } {
  return name.score === undefined ? {} : { score: name.score };
}

/** Longest license name starting at word `at`; returns the id and how many words it used. */
export function longestName(words: string[], at: number): NameMatch | null {
  let node: TrieNode | undefined = phraseTrie();
  let best: NameMatch | null = null;
  let i = at;
  while (node && i < words.length && i < at + 16) {
    let w = words[i]!;
    if (FILLER.has(w)) {
      i++;
      continue;
    }
    const v = /^v(\d+)$/.exec(w);
    if (v) w = v[1]!;
    node = node.next.get(w);
    i++;
    if (node?.id) {
      const following = words[i];
      // "Apache 2" must not stop before "0"; a name must end where the words do.
      if (!following || !/^\d+$/.test(following) || !node.next.has(following)) best = { id: node.id, used: i - at, ...(node.score !== undefined ? { score: node.score } : {}) };
    }
  }
  return best;
}
