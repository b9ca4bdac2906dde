import { describe, expect, it } from 'vitest';
import { detectLicenses } from '../../../../electron/main/engine/2-detect/licenses/index.js';
import { comment, licenseText } from './helpers.js';

const ids = (text: string): string[] => detectLicenses(text).map((f) => f.license ?? 'null');

const SOURCE = `1. Redistributions of source code must retain the above copyright
   notice, this list of conditions and the following disclaimer.`;
const BINARY = `2. Redistributions in binary form must reproduce the above copyright
   notice, this list of conditions and the following disclaimer in the
   documentation and/or other materials provided with the distribution.`;
const PREAMBLE = `Copyright (c) 2009 Acme Widgets Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions
are met:`;
const FULL_DISCLAIMER = `THIS SOFTWARE IS PROVIDED BY THE AUTHOR AND CONTRIBUTORS \`\`AS IS'' AND
ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
ARE DISCLAIMED.  IN NO EVENT SHALL THE AUTHOR OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS
OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY
OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF
SUCH DAMAGE.`;

describe('BSD condition lists without the usual disclaimer', () => {
  it('a header quoting the three conditions only is BSD-3-Clause', () => {
    const header = comment(`${PREAMBLE}\n${SOURCE}\n${BINARY}\n3. Neither the name of Acme Widgets nor the names of its contributors
   may be used to endorse or promote products derived from this software
   without specific prior written permission.`, ' *');
    expect(ids(`/*\n${header}\n */\n#include <stdio.h>\n`)).toEqual(['BSD-3-Clause']);
  });

  it('three conditions with a one-sentence disclaimer are BSD-3-Clause, not a named variant with its own disclaimer', () => {
    const text = `${PREAMBLE}\n\n  ${SOURCE}\n  ${BINARY}\n  3. The names of the authors may not be used to endorse or promote
     products derived from this software without specific prior
     written permission.

THIS SOFTWARE IS PROVIDED \`\`AS IS'' AND WITHOUT ANY EXPRESS OR
IMPLIED WARRANTIES, INCLUDING, WITHOUT LIMITATION, THE IMPLIED
WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE.`;
    expect(ids(text)).toEqual(['BSD-3-Clause']);
  });

  it('two conditions then a disclaimer are BSD-2-Clause; two conditions cut short name no variant', () => {
    const disclaimer = 'THIS SOFTWARE IS PROVIDED BY THE AUTHORS "AS IS"; USE IT AT YOUR OWN RISK.';
    expect(ids(`${PREAMBLE}\n${SOURCE}\n${BINARY}\n\n${disclaimer}\n`).filter((id) => id.startsWith('BSD'))).toEqual(['BSD-2-Clause']);
    expect(ids(`${PREAMBLE}\n${SOURCE}\n${BINARY}\n`).filter((id) => id.startsWith('BSD'))).toEqual([]);
  });

  it('a condition list with a clause outside the known four names no variant', () => {
    const text = `${PREAMBLE}\n${SOURCE}\n${BINARY}\n3. Modified versions must be plainly marked as such.\n4. Neither the name of Acme Widgets nor the names of its contributors
   may be used to endorse or promote products derived from this software
   without specific prior written permission.`;
    expect(ids(text).filter((id) => id.startsWith('BSD'))).toEqual([]);
  });

  it('the four conditions: the acknowledgement of the University of California makes it BSD-4-Clause-UC', () => {
    const four = (org: string): string => `${PREAMBLE}\n${SOURCE}\n${BINARY}
3. All advertising materials mentioning features or use of this software
   must display the following acknowledgement:
     This product includes software developed by ${org}.
4. Neither the name of the University nor the names of its contributors
   may be used to endorse or promote products derived from this software
   without specific prior written permission.`;
    expect(ids(four('the University of California, Berkeley and its contributors'))).toEqual(['BSD-4-Clause-UC']);
    expect(ids(four('the Network Research Group at Example Laboratory'))).toEqual(['BSD-4-Clause']);
  });
});

describe('BSD siblings told apart by their own clauses', () => {
  it('one source condition and an endorsement clause, without "at the beginning of the file": BSD-Source-Code', () => {
    const text = `Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions
are met:
1. Redistributions of source code must retain the above copyright
   notice, this list of conditions and the following disclaimer.
2. The name of the author may not be used to endorse or promote
   products derived from this software without specific prior
   written permission.

${FULL_DISCLAIMER}`;
    expect(ids(text)).toEqual(['BSD-Source-Code']);
  });

  it('a four-clause text is none of the one-clause, source-only or modification-marking relatives', () => {
    const text = comment(`${PREAMBLE}\n${SOURCE}\n${BINARY}
3. All advertising materials mentioning features or use of this software
   must display the following acknowledgement:
     This product includes software developed by Kim Example
     and contributors for the Widget Project
4. Neither the name of the Author nor the names of contributors
   may be used to endorse or promote products derived from this software
   without specific prior written permission.

${FULL_DISCLAIMER.replace(/THE AUTHOR/g, 'THE AUTHOR')}`, ' *');
    const found = ids(text);
    expect(found.filter((id) => /^(?:BSD-Source|BSD-1-Clause|BSD-Mark-Modifications|pnmstitch|Mup)/.test(id))).toEqual([]);
  });

  it('three conditions with the advertising clause but no endorsement clause: the Regents\' text, marked modified', () => {
    const text = `${PREAMBLE}\n${SOURCE}\n${BINARY}
3. All advertising materials mentioning features or use of this software
   must display the following acknowledgement:
   This product includes software developed by the University of
   California, Berkeley and its contributors.

${FULL_DISCLAIMER}`;
    // No SPDX id has exactly these clauses: the nearest (BSD-4-Clause-UC lacking its endorsement clause) is reported
    // as modified, with its score, never as the plain id; no named variant is claimed.
    const found = detectLicenses(text).filter((f) => f.license !== null);
    expect(found.map((f) => [f.license, f.modified])).toEqual([['BSD-4-Clause-UC', true]]);
    expect(found[0]!.score).toBeLessThan(1);
  });

  it('each variant named by its clause is still found in its own SPDX text', () => {
    const named = ['BSD-Source-beginning-file', 'BSD-Source-Code', 'BSD-2-Clause-first-lines', 'BSD-4.3TAHOE', 'Mup', 'BSD-Mark-Modifications', 'Mackerras-3-Clause', 'ALGLIB-Documentation', 'MIT-testregex', 'BSD-Systemics', 'BSD-Systemics-W3Works', 'OpenSSL-standalone', 'BSD-4-Clause-Shortened', 'pnmstitch', 'BSD-4-Clause-UC', 'BSD-4-Clause', 'BSD-2-Clause-pkgconf-disclaimer'];
    for (const id of named) expect([id, ids(licenseText(id))]).toEqual([id, [id]]);
  });
});
