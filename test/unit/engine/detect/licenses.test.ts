import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLicenses, diffAgainstReference, referenceText, DETECTOR_VERSION } from '../../../../electron/main/engine/2-detect/licenses/index.js';
import type { DetectedFinding } from '../../../../electron/main/engine/2-detect/licenses/types.js';
import { comment, licenseText, lineCount, lineOf } from './helpers.js';

const licensesOf = (findings: DetectedFinding[]): string[] => findings.filter((f) => f.kind !== 'copyright').map((f) => f.license ?? 'null');
const textIds = (findings: DetectedFinding[]): string[] => findings.filter((f) => f.kind === 'license-text').map((f) => f.license!);

describe('full license texts: close relatives are told apart', () => {
  const cases = ['BSD-2-Clause', 'BSD-3-Clause', 'BSD-4-Clause', 'MIT', 'MIT-0', 'X11', 'ISC', '0BSD', 'Apache-2.0', 'MPL-2.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-3.0', 'CC-BY-NC-4.0', 'Zlib', 'Unlicense', 'BSL-1.0', 'EPL-2.0', 'Artistic-2.0', 'LGPL-3.0-only', 'AGPL-3.0-only', 'GPL-3.0-only', 'GPL-2.0-only', 'LGPL-2.1-only'];
  for (const id of cases) {
    it(`${id} with a real holder is ${id} and nothing else`, () => {
      const text = `Copyright (c) 2019-2021 Example Corp.\n\n${licenseText(id, 'Example Corp')}`;
      const findings = detectLicenses(text);
      expect(licensesOf(findings)).toEqual([id]);
      expect(findings[0]!.kind).toBe('license-text');
      expect(findings[0]!.score).toBeGreaterThan(0.97);
    });
  }

  it('BSD-3-Clause with the advertising clause added is BSD-4-Clause, not BSD-3-Clause', () => {
    const bsd3 = licenseText('BSD-3-Clause');
    const withAdvertising = bsd3.replace(
      '3. Neither the name',
      '3. All advertising materials mentioning features or use of this software must display the following acknowledgement: This product includes software developed by Jane Example.\n\n4. Neither the name',
    );
    const ids = textIds(detectLicenses(withAdvertising));
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^BSD-4-Clause/);
  });

  it('MIT without its notice-retention condition is MIT-0', () => {
    const mit = licenseText('MIT').replace(/[ \t]*\n(?!\n)[ \t]*/g, ' ');
    const stripped = mit.replace(/,? subject to the following conditions:\s*The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software\./, '.');
    expect(stripped).not.toBe(mit);
    expect(textIds(detectLicenses(stripped))).toEqual(['MIT-0']);
  });

  it('MIT whose condition keeps only the copyright notice is a modified MIT, not MIT-0', () => {
    const mit = licenseText('MIT').replace(/[ \t]*\n(?!\n)[ \t]*/g, ' ');
    const weakened = mit.replace('The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.', 'The above copyright notice shall be included in all copies of the Software.');
    expect(weakened).not.toBe(mit);
    const [finding, ...rest] = detectLicenses(weakened).filter((f) => f.kind === 'license-text');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ license: 'MIT', modified: true });
    expect(finding!.score).toBeGreaterThan(0.9);
    expect(finding!.score).toBeLessThan(1);
  });

  it('an edited text keeps its id, marked modified, rather than a relative that the edit left intact', () => {
    const oneLine = (id: string): string => licenseText(id).replace(/[ \t]*\n(?!\n)[ \t]*/g, ' ');
    const texts = (text: string) => detectLicenses(text).filter((f) => f.kind === 'license-text').map((f) => [f.license, f.modified]);
    // The Unlicense without its grant sentence: not Unlicense-libtelnet, its one-paragraph relative.
    const unlicense = oneLine('Unlicense');
    const grant = /Anyone is free to copy[^.]*\./.exec(unlicense)![0];
    expect(texts(unlicense.replace(grant, ''))).toEqual([['Unlicense', true]]);
    // OpenSSL with a sentence of its disclaimer gone: not its OpenSSL and SSLeay halves.
    const openssl = oneLine('OpenSSL');
    const interruption = /OR BUSINESS INTERRUPTION\) HOWEVER CAUSED[^.]*\./.exec(openssl)![0];
    expect(texts(openssl.replace(interruption, ''))).toEqual([['OpenSSL', true]]);
    // X11 without its notice-retention sentence still has its name clause: X11, not the condition-free MIT-0.
    const x11 = oneLine('X11');
    expect(texts(x11.replace(/The above copyright notice and this permission notice shall be included[^.]*\./, ''))).toEqual([['X11', true]]);
    // …and its name clause without "Except as contained in this notice," is still that clause.
    expect(texts(x11.replace('Except as contained in this notice, the name', 'The name'))).toEqual([['X11', true]]);
  });

  it('a near match is named after the relative its clauses allow: MIT without its disclaimer is near MIT, not MIT-0', () => {
    const mit = licenseText('MIT');
    // The grant and its condition, without the title (which names MIT by itself) and without the disclaimer.
    const withoutDisclaimer = mit.slice(mit.indexOf('Permission is hereby granted'), mit.indexOf('THE SOFTWARE IS PROVIDED'));
    const [finding, ...rest] = detectLicenses(withoutDisclaimer).filter((f) => f.kind === 'unknown-license' || f.kind === 'license-text');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'unknown-license', matchedBy: 'near-match:MIT', modified: true });
  });

  it('ISC without "provided that the above copyright notice … appear in all copies" is 0BSD', () => {
    const isc = licenseText('ISC').replace(/[ \t]*\n(?!\n)[ \t]*/g, ' ').replace(/, provided that the above copyright notice and this permission notice appear in all copies/, '');
    expect(textIds(detectLicenses(isc))).toEqual(['0BSD']);
  });
});

describe('GNU licenses: versions and -only / -or-later', () => {
  const orLaterNotice = `This program is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation; either version 2 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
GNU General Public License for more details.`;

  it('a bare full GPL-2.0 text is GPL-2.0-only (documented convention)', () => {
    expect(licensesOf(detectLicenses(licenseText('GPL-2.0-only')))).toEqual(['GPL-2.0-only']);
  });

  it('the full text with an "or (at your option) any later version" notice is GPL-2.0-or-later only', () => {
    const text = `${orLaterNotice}\n\n${licenseText('GPL-2.0-only')}`;
    const ids = licensesOf(detectLicenses(text));
    expect(ids).toContain('GPL-2.0-or-later');
    expect(ids).not.toContain('GPL-2.0-only');
  });

  it('the or-later notice in a C header covers the whole notice block', () => {
    const text = `/*\n${comment(orLaterNotice, ' *')}\n */\n#include <stdio.h>\n`;
    const findings = detectLicenses(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'license-notice', license: 'GPL-2.0-or-later', startLine: 2, endLine: lineOf(text, 'for more details') });
  });

  it('"version 2 as published by the Free Software Foundation" without "later" is GPL-2.0-only', () => {
    const text = '/*\n * This program is free software; you can redistribute it and/or modify it\n * under the terms of the GNU General Public License version 2 as published by\n * the Free Software Foundation.\n */';
    expect(licensesOf(detectLicenses(text))).toEqual(['GPL-2.0-only']);
  });

  it('LGPL-2.1, LGPL-3.0 and AGPL-3.0 notices', () => {
    const lgpl21 = '# This library is free software; you can redistribute it and/or\n# modify it under the terms of the GNU Lesser General Public\n# License as published by the Free Software Foundation; either\n# version 2.1 of the License, or (at your option) any later version.';
    const lgpl3 = '// Licensed under the GNU Lesser General Public License v3.0 only.';
    const agpl = '-- This program is free software: you can redistribute it and/or modify\n-- it under the terms of the GNU Affero General Public License as published\n-- by the Free Software Foundation, either version 3 of the License, or\n-- (at your option) any later version.';
    expect(licensesOf(detectLicenses(lgpl21))).toEqual(['LGPL-2.1-or-later']);
    expect(licensesOf(detectLicenses(lgpl3))).toEqual(['LGPL-3.0-only']);
    expect(licensesOf(detectLicenses(agpl))).toEqual(['AGPL-3.0-or-later']);
  });

  it('GPL-3.0 full text vs GPL-2.0 full text', () => {
    expect(textIds(detectLicenses(licenseText('GPL-3.0-only')))).toEqual(['GPL-3.0-only']);
    expect(textIds(detectLicenses(licenseText('LGPL-2.0-only')))).toEqual(['LGPL-2.0-only']);
  });
});

describe('Apache-2.0 and MPL-2.0 notices', () => {
  const apacheHeader = `Copyright 2020 Example LLC

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.`;

  it('the Apache header is a notice, the full text a license text', () => {
    const header = detectLicenses(comment(apacheHeader, '//'));
    expect(header).toHaveLength(1);
    expect(header[0]).toMatchObject({ kind: 'license-notice', license: 'Apache-2.0', startLine: 3, endLine: 13 });
    const full = detectLicenses(licenseText('Apache-2.0'));
    expect(full.map((f) => [f.kind, f.license])).toEqual([['license-text', 'Apache-2.0']]);
  });

  it('MPL-2.0 header with and without the Exhibit B notice', () => {
    const plain = '/* This Source Code Form is subject to the terms of the Mozilla Public\n * License, v. 2.0. If a copy of the MPL was not distributed with this\n * file, You can obtain one at https://mozilla.org/MPL/2.0/. */';
    const exhibitB = `${plain}\n/* This Source Code Form is "Incompatible With Secondary Licenses", as\n * defined by the Mozilla Public License, v. 2.0. */`;
    expect(licensesOf(detectLicenses(plain))).toEqual(['MPL-2.0']);
    expect(licensesOf(detectLicenses(exhibitB))).toEqual(['MPL-2.0-no-copyleft-exception']);
  });
});

describe('exceptions combine into WITH expressions', () => {
  it('GPL-2.0 text followed by the Classpath exception', () => {
    const text = `${licenseText('GPL-2.0-only')}\n\n${referenceText('Classpath-exception-2.0')}`;
    expect(licensesOf(detectLicenses(text))).toEqual(['GPL-2.0-only WITH Classpath-exception-2.0']);
  });

  it('Apache-2.0 text followed by the LLVM exception, and the LLVM one-line notice', () => {
    const text = `${licenseText('Apache-2.0')}\n\n${referenceText('LLVM-exception')}`;
    expect(licensesOf(detectLicenses(text))).toEqual(['Apache-2.0 WITH LLVM-exception']);
    const notice = '//===-- Part of the LLVM Project, under the Apache License v2.0 with LLVM Exceptions.\n// See https://llvm.org/LICENSE.txt for license information.';
    expect(licensesOf(detectLicenses(notice))).toContain('Apache-2.0 WITH LLVM-exception');
  });

  it('GPL-3.0 text followed by the GCC runtime library exception', () => {
    const text = `${licenseText('GPL-3.0-only')}\n\n${referenceText('GCC-exception-3.1')}`;
    expect(licensesOf(detectLicenses(text))).toEqual(['GPL-3.0-only WITH GCC-exception-3.1']);
  });

  it('an OpenJDK-style header: GPL-2.0-only with the Classpath exception', () => {
    const text = ` * This code is free software; you can redistribute it and/or modify it
 * under the terms of the GNU General Public License version 2 only, as
 * published by the Free Software Foundation.  Oracle designates this
 * particular file as subject to the "Classpath" exception as provided
 * by Oracle in the LICENSE file that accompanied this code.`;
    expect(licensesOf(detectLicenses(text))).toEqual(['GPL-2.0-only WITH Classpath-exception-2.0']);
  });

  it('a standalone exception text is reported as the exception id', () => {
    expect(licensesOf(detectLicenses(referenceText('Autoconf-exception-3.0')!))).toEqual(['Autoconf-exception-3.0']);
  });
});

describe('several licenses in one file', () => {
  it('Apache-2.0 copies in a third-party notices file, some without the appendix, are Apache-2.0, not Pixar', () => {
    // As go-licenses writes them: texts with and without the appendix, headers between them. With two copies in one
    // alignment window the head of one was aligned against the other (0.83-0.90, "modified"), and Pixar (the Apache
    // text without its appendix) won every other copy.
    const apache = licenseText('Apache-2.0');
    const withoutAppendix = apache.slice(0, apache.indexOf('END OF TERMS AND CONDITIONS') + 'END OF TERMS AND CONDITIONS'.length);
    const header = apache.slice(apache.indexOf('Licensed under the Apache License, Version 2.0 (the "License")'));
    const parts = [apache, withoutAppendix, header, withoutAppendix, apache].map((body, i) => `= example.org/module${i} =\n\n${body}`);
    const found = detectLicenses(parts.join('\n\n================================================================================\n'));
    expect(found.map((f) => f.license)).not.toContain('Pixar');
    const texts = found.filter((f) => f.kind === 'license-text');
    expect(texts.map((f) => f.license)).toEqual(['Apache-2.0', 'Apache-2.0', 'Apache-2.0', 'Apache-2.0']);
    for (const t of texts) expect(t.score).toBeGreaterThanOrEqual(0.99);
  });

  it('two permission notices back to back are two licenses, not one straddling the seam', () => {
    // X.Org's layout: Oracle's MIT variant ("including the next paragraph"), then The Open Group's notice. The MIT
    // disclaimer followed by the next grant also aligns, at score 1.0, with HPND-sell-variant-MIT-disclaimer-rev.
    const text = readFileSync(path.join(import.meta.dirname, '../../../fixtures/licenses/mit-then-open-group.c'), 'utf8');
    const found = detectLicenses(text).map((f) => [f.license, f.startLine, f.endLine]);
    expect(found).toEqual([['MIT', 4, 21], ['MIT-open-group', 21, 47]]);
  });

  it('dual-licensed MIT and Apache-2.0 texts, each with its line range', () => {
    const mit = licenseText('MIT');
    const apache = licenseText('Apache-2.0');
    const text = `This project is dual licensed.\n\n${mit}\n\n----\n\n${apache}\n`;
    const findings = detectLicenses(text).filter((f) => f.kind === 'license-text');
    expect(findings.map((f) => f.license)).toEqual(['MIT', 'Apache-2.0']);
    const mitStart = lineOf(text, 'MIT License');
    expect(findings[0]!.startLine).toBe(mitStart);
    expect(findings[0]!.endLine).toBe(mitStart + lineCount(mit) - 1);
    const apacheStart = lineOf(text, 'Apache License');
    expect(findings[1]!.startLine).toBeGreaterThanOrEqual(apacheStart);
    expect(findings[1]!.startLine).toBeLessThanOrEqual(apacheStart + 2);
    expect(findings[1]!.endLine).toBeGreaterThan(lineOf(text, 'END OF TERMS AND CONDITIONS'));
  });

  it('concatenated third-party notices: three MIT copies and a BSD-3-Clause', () => {
    const parts = ['left-pad', 'right-pad', 'center-pad'].map((name) => `${name}\n\n${licenseText('MIT', `${name} authors`)}`);
    const text = `THIRD-PARTY NOTICES\n\n${parts.join('\n\n-----\n\n')}\n\n-----\n\nbsd-thing\n\n${licenseText('BSD-3-Clause', 'BSD Thing Inc')}`;
    const findings = detectLicenses(text).filter((f) => f.kind === 'license-text');
    expect(findings.map((f) => f.license)).toEqual(['MIT', 'MIT', 'MIT', 'BSD-3-Clause']);
    expect(findings[1]!.startLine).toBe(lineOf(text, 'MIT License', lineOf(text, 'right-pad')));
  });

  it('a partial license text is reported modified with its score, not rounded to the id', () => {
    const gpl = licenseText('GPL-3.0-only');
    const half = gpl.slice(0, Math.floor(gpl.length * 0.6));
    const findings = detectLicenses(half);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.modified).toBe(true);
    expect(findings[0]!.score).toBeLessThan(0.7);
    expect(findings[0]!.score).toBeGreaterThan(0.4);
  });

  it('a modified MIT text (extra restriction) is modified: true', () => {
    const text = licenseText('MIT').replace(/[ \t]*\n(?!\n)[ \t]*/g, ' ').replace('subject to the following conditions:', 'subject to the following conditions:\n\nThe Software shall not be used for military purposes of any kind whatsoever.\n');
    const findings = detectLicenses(text);
    const mit = findings.find((f) => f.license === 'MIT');
    expect(mit?.modified).toBe(true);
    expect(mit!.score).toBeLessThan(1);
  });
});

describe('references in headers and docs', () => {
  it('phrases, "see LICENSE", license fields and URLs', () => {
    const text = [
      '# mylib',
      'Released under the MIT license.',
      'For details see LICENSE.',
      'Docs are under https://creativecommons.org/licenses/by/4.0/',
      'License: ISC',
      'See https://opensource.org/licenses/BSD-2-Clause and https://www.apache.org/licenses/LICENSE-2.0',
    ].join('\n');
    const findings = detectLicenses(text);
    const byLine = findings.map((f) => [f.startLine, f.license]);
    expect(byLine).toEqual([
      [2, 'MIT'],
      [3, 'LicenseRef-clearance-see-license-file'],
      [4, 'CC-BY-4.0'],
      [5, 'ISC'],
      [6, 'BSD-2-Clause'],
      [6, 'Apache-2.0'],
    ]);
    expect(findings.every((f) => f.kind === 'license-reference')).toBe(true);
  });

  it('Perl\'s "same terms as Perl" notices in their Software::License and older wordings', () => {
    for (const line of [
      'This is free software; you can redistribute it and/or modify it under the same terms as the Perl 5 programming language system itself.',
      'This library is free software; you can redistribute it and/or modify it under the same terms as Perl itself.',
      '=head1 LICENSE\n\nUnder the same license as Perl itself',
    ]) {
      expect(detectLicenses(line).map((f) => f.license), line).toEqual(['Artistic-1.0-Perl OR GPL-1.0-or-later']);
    }
    // HTML::Tree's wording: the warranty paragraph after the notice is part of it, not an unknown disclaimer.
    const withWarranty = 'This library is free software; you can redistribute it and/or\nmodify it under the same terms as Perl itself.\n\nThe programs in this library are distributed in the hope that they\nwill be useful, but without any warranty; without even the implied\nwarranty of merchantability or fitness for a particular purpose.\n';
    expect(detectLicenses(withWarranty).map((f) => [f.license, f.startLine, f.endLine])).toEqual([['Artistic-1.0-Perl OR GPL-1.0-or-later', 1, 6]]);
  });

  it('.NET\'s "See License.txt in the project root" and "the BSD-3 license"', () => {
    const dotnet = detectLicenses('// Copyright (C) Example Corporation. All rights reserved. See License.txt in the project root for license information.');
    expect(dotnet.map((f) => [f.kind, f.license])).toEqual([['license-reference', 'LicenseRef-clearance-see-license-file']]);
    expect(detectLicenses('## License\n\nCopyright (c) 2022 Jane Example\nLicensed under the BSD-3 license.').map((f) => f.license)).toContain('BSD-3-Clause');
  });

  it('pointers to a license file in the wordings of Tcl, CPython, xmlsec and libjpeg', () => {
    const pointers: Array<[string, string]> = [
      [' * See the file "license.terms" for information on usage and redistribution of\n * this file, and for a DISCLAIMER OF ALL WARRANTIES.', 'LicenseRef-clearance-see-license-file'],
      ['# See the file "Misc/COPYRIGHT" for information on usage and redistribution.', 'LicenseRef-clearance-see-license-file'],
      [' * This is free software; see Copyright file in the source\n * distribution for preciese wording.', 'LicenseRef-clearance-see-license-file'],
      [' * For conditions of distribution and use, see the accompanying README.ijg\n * file.', 'IJG'],
    ];
    for (const [text, license] of pointers) expect(detectLicenses(text).map((f) => f.license), text).toEqual([license]);
  });

  it('CPython\'s contributor-agreement line and "license: PSFL" are the PSF license; a bare license line is flagged', () => {
    const psf = detectLicenses('# Copyright 2007 Google, Inc. All Rights Reserved.\n# Licensed to PSF under a Contributor Agreement.\n');
    expect(psf.map((f) => [f.license, f.score])).toEqual([['PSF-2.0', 0.8]]);
    expect(detectLicenses('# Adapted with permission from the EdgeDB project;\n# license: PSFL.\n').map((f) => f.license)).toEqual(['PSF-2.0']);
    const icu = detectLicenses('// © 2016 and later: Unicode, Inc. and others.\n// License & terms of use: http://www.unicode.org/copyright.html\n');
    expect(icu.map((f) => [f.kind, f.startLine])).toEqual([['unknown-license', 2]]);
    expect(detectLicenses('interface Manifest {\n  license: string;\n}\n')).toEqual([]);
    expect(detectLicenses('* **license:** oops. Forgot to update license.md\n')).toEqual([]);
  });

  it('Vim\'s runtime-file notices, Python\'s __license__ and comment leaders of other languages', () => {
    expect(detectLicenses('" License: You may redistribute this under the same terms as Vim itself').map((f) => f.license)).toEqual(['Vim']);
    expect(detectLicenses('" Vim is Charityware - see ":help license" or uganda.txt for licence details.').map((f) => f.license)).toEqual(['Vim']);
    expect(detectLicenses('" License: Vim License (see vim\'s :help license)').map((f) => f.license)).toEqual(['Vim']);
    expect(detectLicenses('\tThe VIM LICENSE (see |copyright|) applies to the files in this\n\tpackage.').map((f) => f.license)).toEqual(['Vim']);
    expect(detectLicenses('" License: You may freely use, modify, and distribute this file.').map((f) => f.kind)).toEqual(['unknown-license']);
    expect(detectLicenses('% License: LPPL 1.3c').map((f) => f.license)).toEqual(['LPPL-1.3c']);
    expect(detectLicenses('__copyright__ = "Copyright 2006, Joe Example"\n__license__ = "MIT"\n').map((f) => f.license)).toEqual(['MIT']);
  });

  it('code and API docs that handle EULAs are not license statements; an agreement that governs the file is', () => {
    for (const code of ['  acceptEula: Optional. Whether the user accepts the End User License Agreement (EULA) for the model.', '    "--accept-eula": "bool",', '  eulaUri: Optional. A URL to the End User License Agreement provided by the vendor.']) {
      expect(detectLicenses(code), code).toEqual([]);
    }
    for (const statement of [' * Use of this software is subject to the terms of the Example End User License Agreement.', 'EXAMPLE, INC. LICENSE AGREEMENT - DATA FILES AND SOFTWARE']) {
      expect(detectLicenses(statement).map((f) => f.kind), statement).toEqual(['unknown-license']);
    }
  });

  it('a README "## License" section', () => {
    const text = '# tool\n\nSome text.\n\n## License\n\nMIT © Jane Example\n';
    expect(detectLicenses(text).map((f) => [f.startLine, f.license])).toEqual([[7, 'MIT']]);
  });
});

describe('SPDX-License-Identifier tags', () => {
  const styles: Array<[string, string]> = [
    ['// SPDX-License-Identifier: MIT', 'MIT'],
    ['/* SPDX-License-Identifier: GPL-2.0-only */', 'GPL-2.0-only'],
    ['# SPDX-License-Identifier: Apache-2.0 OR MIT', 'Apache-2.0 OR MIT'],
    ['-- SPDX-License-Identifier: BSD-3-Clause', 'BSD-3-Clause'],
    ['; SPDX-License-Identifier: ISC', 'ISC'],
    ['<!-- SPDX-License-Identifier: CC-BY-4.0 -->', 'CC-BY-4.0'],
    ['REM SPDX-License-Identifier: 0BSD', '0BSD'],
    ['% SPDX-License-Identifier: LPPL-1.3c', 'LPPL-1.3c'],
    ['(* SPDX-License-Identifier: MPL-2.0 *)', 'MPL-2.0'],
    ['" SPDX-License-Identifier: Vim', 'Vim'],
    ['// SPDX-License-Identifier: GPL-2.0-or-later WITH Classpath-exception-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0'],
    ['// SPDX-License-Identifier: (MIT OR Apache-2.0) AND LicenseRef-Proprietary', '(MIT OR Apache-2.0) AND LicenseRef-Proprietary'],
    ['# spdx-license-identifier: mit', 'MIT'],
  ];
  for (const [line, expected] of styles) {
    it(`parses ${line}`, () => {
      const findings = detectLicenses(`${line}\nint x;\n`).filter((f) => f.kind === 'spdx-tag');
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ license: expected, startLine: 1, endLine: 1, score: 1 });
    });
  }

  it('reports invalid expressions as invalid', () => {
    for (const bad of ['MIT AND', 'GPL-2.0 WITH', 'Not a license (', '']) {
      const findings = detectLicenses(`// SPDX-License-Identifier: ${bad}\n`).filter((f) => f.kind === 'spdx-tag');
      expect(findings).toHaveLength(1);
      expect(findings[0]!.license).toBeNull();
      expect(findings[0]!.error).toMatch(/invalid SPDX expression/);
    }
  });
});

describe('unknown license text', () => {
  it('legal phrasing that matches no known license is an unknown-license finding', () => {
    const text = `/*
 * Permission is hereby granted to anyone who sends the author a postcard
 * to use this file in any project, provided that the author's cat is
 * mentioned in the credits. This file comes without warranty of any kind.
 */
int main(void) { return 0; }`;
    const findings = detectLicenses(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'unknown-license', license: 'LicenseRef-clearance-unknown', startLine: 2, endLine: 4 });
  });

  it('a statement that licenses or restricts the file on its own is a finding, whatever the license', () => {
    const statements = [
      '# This file is distributed under the same license as the flatpak package.',
      '|\tTHIS IS UNPUBLISHED PROPRIETARY SOURCE CODE OF EXAMPLE CORP',
      ' * This file may be distributed under the terms of the License Agreement',
      '// No part of this file may be reproduced, in whole or in part, without prior written permission of Example Corp.',
      ' * Copyright (c) 2005, Joe Example. Freely redistributable.',
    ];
    for (const line of statements) {
      const found = detectLicenses(`${line}\nint x;\n`);
      expect(found.map((f) => [f.kind, f.startLine]), line).toEqual([['unknown-license', 1]]);
    }
  });

  it('mentions that license nothing are not findings: a contributor agreement, "you may use" in docs, GNU boilerplate beside its notice', () => {
    expect(detectLicenses('Contributions need a signed [Contributor License Agreement](https://cla.example.org).\n')).toEqual([]);
    expect(detectLicenses('You may use the syntax C<use File::Copy "cp"> to get the alias.\nThe license of the alias is the same as the function.\n')).toEqual([]);
    // libidn2's header: two GNU notices joined by "or both in parallel", then the GNU warranty paragraphs.
    const dual = `Libidn2 is free software: you can redistribute it and/or modify it\nunder the terms of either:\n\n  * the GNU Lesser General Public License as published by the Free\n    Software Foundation; either version 3 of the License, or (at\n    your option) any later version.\n\nor\n\n  * the GNU General Public License as published by the Free\n    Software Foundation; either version 2 of the License, or (at\n    your option) any later version.\n\nor both in parallel, as here.\n\nThis program is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU General Public License for more details.\n\nYou should have received copies of the GNU General Public License and\nthe GNU Lesser General Public License along with this program.  If\nnot, see <http://www.gnu.org/licenses/>.\n`;
    expect(detectLicenses(dual).map((f) => f.license)).toEqual(['LGPL-3.0-or-later', 'GPL-2.0-or-later']);
  });

  it('ordinary code and prose produce no finding', () => {
    const text = 'function add(a, b) {\n  // the licence plate parser lives elsewhere\n  return a + b;\n}\n';
    expect(detectLicenses(text)).toEqual([]);
  });
});

describe('reference texts and diffs', () => {
  it('referenceText knows licenses, exceptions and same-text ids', () => {
    expect(referenceText('MIT')).toMatch(/Permission is hereby granted/);
    expect(referenceText('Classpath-exception-2.0')).toMatch(/As a special exception/);
    expect(referenceText('GPL-2.0-or-later')).toMatch(/GNU GENERAL PUBLIC LICENSE/);
    expect(referenceText('No-Such-License')).toBeNull();
    expect(DETECTOR_VERSION).toMatch(/\d/);
  });

  it('diffAgainstReference shows what a "MIT" file changed at word level', () => {
    const text = licenseText('MIT').replace('free of charge', 'for a small fee');
    const segments = diffAgainstReference(text, 'MIT');
    expect(segments.filter((s) => s.kind === 'removed').map((s) => s.text.trim()).join(' ')).toMatch(/free of charge/);
    expect(segments.filter((s) => s.kind === 'added').map((s) => s.text.trim()).join(' ')).toMatch(/for a small fee/);
    expect(segments.filter((s) => s.kind !== 'removed').map((s) => s.text).join('')).toBe(text.match(/\s*\S+/g)!.join(''));
  });
});
