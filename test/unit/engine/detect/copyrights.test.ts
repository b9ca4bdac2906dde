import { describe, expect, it } from 'vitest';
import { dedupeCopyrights, detectCopyrights } from '../../../../electron/main/engine/2-detect/copyrights/index.js';
import { referenceText } from '../../../../electron/main/engine/2-detect/licenses/index.js';

describe('detectCopyrights', () => {
  it('finds statements in every common form with holders, years and lines', () => {
    const text = [
      '/*',
      ' * Copyright (c) 2010-2015, 2018 Foo Bar Inc. All rights reserved.',
      ' * Copyright 2020 Jane Doe <jane@example.com>',
      ' * (C) 2001 Old Corp',
      ' * © Someone Else',
      ' * SPDX-FileCopyrightText: 2023 The Clearance Authors',
      ' * Copyright (c) 2019',
      ' *     Multi Line Holder GmbH',
      ' */',
      '# Copyright: 2005 Debian Style Holder',
    ].join('\n');
    const found = detectCopyrights(text).map((f) => ({ line: f.startLine, end: f.endLine, holders: f.holders, years: f.years }));
    expect(found).toEqual([
      { line: 2, end: 2, holders: ['Foo Bar Inc'], years: '2010-2015, 2018' },
      { line: 3, end: 3, holders: ['Jane Doe'], years: '2020' },
      { line: 4, end: 4, holders: ['Old Corp'], years: '2001' },
      { line: 5, end: 5, holders: ['Someone Else'], years: null },
      { line: 6, end: 6, holders: ['The Clearance Authors'], years: '2023' },
      { line: 7, end: 8, holders: ['Multi Line Holder GmbH'], years: '2019' },
      { line: 10, end: 10, holders: ['Debian Style Holder'], years: '2005' },
    ]);
    expect(detectCopyrights(text)[0]!.statement).toBe('Copyright (c) 2010-2015, 2018 Foo Bar Inc. All rights reserved.');
  });

  // Each of these shapes came out wrong in a run over /usr/include and the Python standard library (6,675 statements).
  it('reads holders and open-ended years as real headers write them', () => {
    const cases: Array<[string, string[], string | null]> = [
      ['Copyright (c) 1996-1997 Andreas Dilger.', ['Andreas Dilger'], '1996-1997'],
      ['Copyright 2003,2004 Andi Kleen SuSE Labs', ['Andi Kleen SuSE Labs'], '2003,2004'],
      ['// © 2016 and later: Unicode, Inc. and others.', ['Unicode, Inc. and others'], '2016 and later'],
      ['Copyright 2001 and onwards Google Inc.', ['Google Inc'], '2001 and onwards'],
      [' * Copyright (c) 2003+ Evgeniy Polyakov <johnpol@example.org>', ['Evgeniy Polyakov'], '2003+'],
      [' * Copyright (C) 1998-9 Tim Waugh <tim@example.org>', ['Tim Waugh'], '1998-9'],
      [' * Copyright (c) 2001 Alexander Peslyak and it is hereby released to the', ['Alexander Peslyak'], '2001'],
      ['(c) Copyright CNRI, All Rights Reserved. NO WARRANTY.', ['CNRI'], null],
      ['Copyright 2020 Example Inc. Licensed under the MIT license.', ['Example Inc'], '2020'],
      ['# Copyright (c) 2001-2010 Python Software Foundation; All Rights\n# Reserved.', ['Python Software Foundation'], '2001-2010'],
    ];
    for (const [line, holders, years] of cases) {
      const found = detectCopyrights(line);
      expect(found.map((f) => [f.holders, f.years]), line).toEqual([[holders, years]]);
    }
  });

  it('ignores (c) in code, prose about copyright and template placeholders', () => {
    const text = [
      'if (c) { x = (c) ? 1 : 2; }',
      'switch (c) { case 1: break; }',
      'const copyright = "foo";',
      '// the above copyright notice and this permission notice',
      '// Copyright notices must be kept.',
      'Copyright (c) <year> <copyright holders>',
      'Copyright [yyyy] [name of copyright owner]',
      '    Copyright (C) year  name of author',
      'Copyright (C) <year>  <name of author>',
      'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS',
    ].join('\n');
    expect(detectCopyrights(text)).toEqual([]);
  });

  it('finds no holder in the placeholders of real license templates', () => {
    for (const id of ['MIT', 'BSD-3-Clause', 'Apache-2.0', 'ISC']) {
      const found = detectCopyrights(referenceText(id)!).filter((f) => /holder|owner|year/i.test(f.holders?.join(' ') ?? ''));
      expect(found).toEqual([]);
    }
  });
});

describe('dedupeCopyrights', () => {
  it('merges the same holder across years, case and (c) forms, keeping others apart', () => {
    expect(dedupeCopyrights(['Copyright (c) 2019 Foo Inc.', 'Copyright 2020-2021 Foo Inc', '(C) 2018 foo inc.', 'Copyright Bar', 'Copyright Bar'])).toEqual([
      'Copyright (c) 2018-2021 Foo Inc',
      'Copyright Bar',
    ]);
  });
});
