import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../../../electron/main/engine/2-detect/detect.js';
import { detectLicenses, referenceText } from '../../../../electron/main/engine/2-detect/licenses/index.js';
import { buildIndexData } from '../../../../electron/main/engine/2-detect/licenses/reference-index.js';
import { loadPrecomputedIndex, writePrecomputedIndex } from '../../../../electron/main/engine/2-detect/licenses/precomputed-index.js';
import { normalizeWords } from '../../../../electron/main/engine/2-detect/licenses/normalize.js';
import { comment, licenseText } from './helpers.js';

const ids = (text: string): string[] => detectLicenses(text).map((f) => f.license ?? 'null');

describe('real-world notice forms', () => {
  it('Linux MODULE_LICENSE strings follow the kernel documentation', () => {
    expect(ids('MODULE_AUTHOR("x");\nMODULE_LICENSE("GPL");\n')).toEqual(['GPL-2.0-or-later']);
    expect(ids('MODULE_LICENSE("GPL v2");\n')).toEqual(['GPL-2.0-only']);
    expect(ids('MODULE_LICENSE("Dual MIT/GPL");\n')).toEqual(['MIT OR GPL-2.0-only']);
  });

  it('keywords start a word or follow an underscore: an identifier that merely contains "gpl" is no mention', () => {
    expect(ids('__license__ = "MIT"\n')).toEqual(['MIT']);
    expect(ids('int x;\nMODULE_LICENSE("GPL v2");\n')).toEqual(['GPL-2.0-only']);
    expect(ids('This code is relicensed under the MIT license.\n')).toEqual(['MIT']);
    expect(detect('var _missingPluginHelper = require("./missingPlugin");\nexport const logPlugin = 1;\n')).toEqual([]);
  });

  it('a Debian copyright file: the notice decides, the common-licenses pointer is part of it', () => {
    const text = `License:

   This package is free software; you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation; either version 2 of the License, or
   (at your option) any later version.

On Debian systems, the complete text of the GNU General Public
License can be found in \`/usr/share/common-licenses/GPL'.`;
    expect(ids(text)).toEqual(['GPL-2.0-or-later']);
    expect(ids('Released under the terms of the GNU General Public License version 2.\nSee /usr/share/common-licenses/GPL for the full license.')).toEqual(['GPL-2.0-only']);
  });

  it('a license statement on the copyright line itself', () => {
    expect(ids('/* Copyright 2014, Kenneth Example. Licensed under the BSD 2-clause license. */')).toEqual(['BSD-2-Clause']);
  });

  it('a license statement after a comma on the copyright line', () => {
    expect(ids(' * Copyright (C) 2007 by Jane Example, licensed under the GPL version 2.')).toEqual(['GPL-2.0-only']);
  });

  it('"according to the terms of the BSD license" (the CMake modules header) is the bare BSD convention', () => {
    const header = '# Copyright (c) 2009, Jane Example\n#\n# Redistribution and use is allowed according to the terms of the BSD license.\n';
    expect(detectLicenses(header).map((f) => [f.license, f.score])).toEqual([['BSD-3-Clause', 0.8]]);
  });

  it('a reStructuredText :license: field (Sphinx and Pocoo docstrings)', () => {
    expect(ids('    :copyright: Copyright (c) 2016 Jane Example\n    :license: MIT, see LICENSE for details.\n')).toContain('MIT');
  });

  it("OSI's old bsd-license.php page yields to the BSD name or text beside it; alone it is BSD-3-Clause by convention", () => {
    const lz4Style = `/*\n   BSD 2-Clause License (http://www.opensource.org/licenses/bsd-license.php)\n\n${comment(licenseText('BSD-2-Clause'), '  ')}\n*/`;
    expect([...new Set(ids(lz4Style))]).toEqual(['BSD-2-Clause']);
    expect(detectLicenses('# See http://www.opensource.org/licenses/bsd-license.php\n').map((f) => [f.license, f.score])).toEqual([['BSD-3-Clause', 0.8]]);
  });

  it('a bare "License: BSD" below a BSD-2-Clause header is that header\'s BSD, however far down', () => {
    const file = `${comment(licenseText('BSD-2-Clause'), ' *')}\n${'int x;\n'.repeat(30)}/*\nSummary: sample data\nLicense: BSD\n*/\n`;
    expect(ids(file)).toEqual(['BSD-2-Clause']);
    // Alone it is the 3-clause license by convention, and says so with its score.
    expect(detectLicenses('Summary: sample data\nLicense: BSD\n').map((f) => [f.license, f.score])).toEqual([['BSD-3-Clause', 0.8]]);
  });

  it('a GNU mention without a version yields to the versioned notice of the same license anywhere in the file', () => {
    const header = comment(['This program is free software; you can redistribute it and/or modify', 'it under the terms of the GNU General Public License as published by', 'the Free Software Foundation; either version 3 of the License, or', '(at your option) any later version.'].join('\n'), '#');
    const versionString = ['msgid ""', '"This program comes with NO WARRANTY, to the extent permitted by law.\\n"', '"You may redistribute it under the terms of the GNU General Public "', '"License;\\n"', '"see the file named COPYING for details."'].join('\n');
    const po = `${header}\n${'\nmsgid "x"\nmsgstr "y"\n'.repeat(60)}\n${versionString}\n`;
    expect(detectLicenses(po).map((f) => f.license)).toEqual(['GPL-3.0-or-later']);
    // Alone, the unversioned mention is GPL-1.0-or-later (any version), as the GPL itself says.
    expect(ids(versionString)).toEqual(['GPL-1.0-or-later']);
    // A versioned notice further down may head another part of a concatenated file (aclocal.m4): both stay.
    const unversionedFirst = `# This file is free software, distributed under the terms of the GNU\n# General Public License.\n${'\ndnl x\n'.repeat(60)}\n${header}\n`;
    expect(ids(unversionedFirst)).toEqual(['GPL-1.0-or-later', 'GPL-3.0-or-later']);
    // A different GNU license is not the file's: an unversioned Lesser GPL mention stays.
    expect(ids(`${header}\n${'\n'.repeat(80)}# Parts are distributed under the GNU Lesser General Public License.\n`)).toEqual(['GPL-3.0-or-later', 'LGPL-2.1-or-later']);
  });

  it("bzip2's headers and --version text point to bzip2's LICENSE: the bzip2 license, by convention", () => {
    const header = `/* This file is part of bzip2/libbzip2, a program and library for\n   lossless, block-sorting data compression.\n\n   This program is released under the terms of the license contained\n   in the file LICENSE.\n */`;
    expect(detectLicenses(header).map((f) => [f.license, f.score])).toEqual([['bzip2-1.0.6', 0.8]]);
    const version = [
      '    "   This program is free software; you can redistribute it and/or modify\\n"',
      '    "   it under the terms set out in the LICENSE file, which is included\\n"',
      '    "   in the bzip2 source distribution.\\n"',
      '    "   \\n"',
      '    "   This program is distributed in the hope that it will be useful,\\n"',
      '    "   but WITHOUT ANY WARRANTY; without even the implied warranty of\\n"',
      '    "   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\\n"',
      '    "   LICENSE file for more details.\\n"',
    ].join('\n');
    // One notice over its warranty paragraph, across the string literal's empty line: no unknown-license beside it.
    expect(detectLicenses(version).map((f) => [f.kind, f.license, f.startLine, f.endLine])).toEqual([['license-notice', 'bzip2-1.0.6', 1, 8]]);
  });

  it('a GPL notice decides over a pointer to another version\'s text, and "at your opinion" offers later versions', () => {
    const notice = `This package is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License version 2,
as published by the Free Software Foundation.

This package is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
GNU General Public License for more details.

On Debian systems, the complete text of the GNU General
Public License can be found in \`/usr/share/common-licenses/GPL-1'.`;
    expect(ids(notice)).toEqual(['GPL-2.0-only']);
    const opinion = 'This program is free software; you can redistribute it and/or modify it under\nthe terms of the GNU General Public License as published by the Free Software\nFoundation; version 2 of the license, or (at your opinion) any later version.';
    expect(ids(opinion)).toEqual(['GPL-2.0-or-later']);
  });

  it('names and versions of the Lesser GPL', () => {
    expect(ids(' * This file may be redistributed under the terms of the\n * GNU Lesser General Public License.')).toEqual(['LGPL-2.1-or-later']);
    expect(ids('GNU Lesser General Public License v2.1')).toEqual(['LGPL-2.1-only']);
    expect(ids('under the terms of the GNU Library General Public License as published by the Free Software Foundation; either version 2 of the License, or (at your option) any later version.')).toEqual(['LGPL-2.0-or-later']);
  });

  it('dual licensing in one phrase and "X licensed"', () => {
    expect(ids('Dual licensed under GPLv2 or MIT')).toEqual(['GPL-2.0-only', 'MIT']);
    expect(ids('/*! HTML5 Shiv | MIT/GPL2 Licensed */').sort()).toEqual(['GPL-2.0-only', 'MIT']);
  });

  it('"Licensed MIT" and "licensed as Apache 2.0": the name right after the word', () => {
    expect(ids('// Licensed MIT. Copyright 2020 Example')).toEqual(['MIT']);
    expect(ids('This library is licensed as Apache License 2.0.')).toEqual(['Apache-2.0']);
    // "licensed" with no license name after it or before it is nothing.
    expect(ids('This feature is licensed per seat by the vendor.')).toEqual([]);
  });

  it('full license names anywhere, and license URLs of stewards', () => {
    expect(ids('This plug-in is provided under the Eclipse Public License Version 1.0 ("EPL").')).toEqual(['EPL-1.0']);
    expect(ids('see https://www.eclipse.org/legal/epl-v10.html')).toEqual(['EPL-1.0']);
    expect(ids('http://choosealicense.com/licenses/mit/')).toEqual(['MIT']);
  });
});

describe('close relatives in real-world wording', () => {
  it('a Yahoo-style BSD-3-Clause (holder named in the disclaimer) is BSD-3-Clause, not BSD-3-Clause-HP', () => {
    const text = licenseText('BSD-3-Clause', 'Yahoo! Inc.')
      .replace('the copyright holder nor', 'Yahoo! Inc. nor')
      .replace(/IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE/, 'IN NO EVENT SHALL YAHOO! INC. BE LIABLE');
    const found = detectLicenses(text);
    expect(found.map((f) => f.license)).toEqual(['BSD-3-Clause']);
  });

  it('ISC with "THE AUTHOR DISCLAIMS" is an exact ISC (the holder is variable text)', () => {
    const text = licenseText('ISC').replace(/\bISC DISCLAIMS\b/, 'THE AUTHOR DISCLAIMS').replace(/SHALL ISC BE LIABLE/, 'SHALL THE AUTHOR BE LIABLE');
    const [finding] = detectLicenses(text);
    expect(finding).toMatchObject({ license: 'ISC', score: 1, modified: false });
  });

  it('MPL-1.1 is not its renamed copy CUA-OPL-1.0, and the other way round', () => {
    expect(ids(referenceText('MPL-1.1')!)).toEqual(['MPL-1.1']);
    expect(ids(referenceText('CUA-OPL-1.0')!)).toEqual(['CUA-OPL-1.0']);
  });

  it('LGPL-3.0 alone (COPYING.LESSER) and with the GPL-3.0 text appended are one LGPL-3.0 finding', () => {
    const lesser = referenceText('LGPL-3.0-only')!;
    expect(detectLicenses(lesser).map((f) => [f.kind, f.license])).toEqual([['license-text', 'LGPL-3.0-only']]);
    const both = `${lesser}\n\n${referenceText('GPL-3.0-only')}`;
    const found = detectLicenses(both);
    expect(found.map((f) => f.license)).toEqual(['LGPL-3.0-only']);
    expect(found[0]!.endLine).toBe(both.split('\n').length - (both.endsWith('\n') ? 1 : 0));
  });
});

describe('precomputed reference index', () => {
  it('round-trips: the file written at build time loads to the same data as a fresh build', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clearance-index-'));
    const previous = process.env.CLEARANCE_SPDX_INDEX;
    try {
      process.env.CLEARANCE_SPDX_INDEX = writePrecomputedIndex(dir);
      const loaded = loadPrecomputedIndex();
      const fresh = buildIndexData();
      expect(loaded).not.toBeNull();
      expect(loaded!.vocab.slice(1)).toEqual(fresh.vocab.slice(1));
      expect(loaded!.references.map((r) => r.id)).toEqual(fresh.references.map((r) => r.id));
      for (let i = 0; i < fresh.references.length; i += 37) {
        expect(Array.from(loaded!.references[i]!.tokens)).toEqual(Array.from(fresh.references[i]!.tokens));
        expect(Array.from(loaded!.references[i]!.variable)).toEqual(Array.from(fresh.references[i]!.variable));
      }
    } finally {
      if (previous === undefined) delete process.env.CLEARANCE_SPDX_INDEX;
      else process.env.CLEARANCE_SPDX_INDEX = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('normalisation of source code around a license', () => {
  it('words that name Object.prototype members stay words', () => {
    expect(normalizeWords('class A { constructor() { this.valueOf = toString; } } // licence sub licence').words).toEqual([
      'class', 'a', 'constructor', 'this', 'valueof', 'tostring', 'license', 'sublicense',
    ]);
  });
});
