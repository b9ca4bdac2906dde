import { describe, expect, it } from 'vitest';
import { detectLicenses } from '../../../../electron/main/engine/2-detect/licenses/index.js';
import { lineOf } from './helpers.js';

/** [license, kind, startLine, endLine, score] of every license finding, in order. */
function found(text: string): Array<[string | null, string, number, number, number]> {
  return detectLicenses(text).map((f) => [f.license, f.kind, f.startLine, f.endLine, f.score]);
}

const lines = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('GNU notices in their common variants', () => {
  it('a GPL-2.0 "or (at your option) any later version" header is one notice over its warranty and address paragraphs', () => {
    const text = `/*
 * frobnicate.c - frobnicate widgets
 *
 * Copyright (C) 2011 Jane Example <jane@example.org>
 *
 * This program is free software; you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation; either version 2 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License along
 * with this program; if not, write to the Free Software Foundation, Inc.,
 * 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA.
 */

#include <stdio.h>
`;
    expect(found(text)).toEqual([['GPL-2.0-or-later', 'license-notice', lineOf(text, 'This program is free'), lineOf(text, '51 Franklin'), 1]]);
  });

  it('a GPL-3.0 header in # comments ends with its gnu.org line', () => {
    const text = `#!/usr/bin/env python3
# widgetd - a widget daemon
# Copyright (C) 2019  Example Project contributors
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# This program is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with this program.  If not, see <https://www.gnu.org/licenses/>.

import sys
`;
    expect(found(text)).toEqual([['GPL-3.0-or-later', 'license-notice', 5, 16, 1]]);
  });

  it('"version 2 and only version 2" is GPL-2.0-only', () => {
    const text = `/*
 * Copyright (c) 2016, Example Semiconductor Ltd. All rights reserved.
 *
 * This program is free software; you can redistribute it and/or modify
 * it under the terms of the GNU General Public License version 2 and
 * only version 2 as published by the Free Software Foundation.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 */
static int probe(void);`;
    expect(found(text)).toEqual([['GPL-2.0-only', 'license-notice', 4, 11, 1]]);
  });

  it('Lesser (2.1) and Affero (3) headers', () => {
    const lesser = `/* libexample - reading example files
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */`;
    expect(found(lesser)).toEqual([['LGPL-2.1-or-later', 'license-notice', 2, 5, 1]]);
    const affero = ` * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU Affero General Public License as published
 * by the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.`;
    expect(found(affero)).toEqual([['AGPL-3.0-or-later', 'license-notice', 1, 4, 1]]);
  });

  it('the warranty paragraph alone names the GPL without a version: GPL-1.0-or-later, as a notice', () => {
    const text = `/*
 *  board/example/serial.h
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
 * GNU General Public License for more details.
 */
#define UART_BASE 0x1000`;
    expect(found(text)).toEqual([['GPL-1.0-or-later', 'license-notice', 4, 7, 1]]);
  });

  it('an RPM "Version:" field is the package version, not the GPL version', () => {
    const spec = 'Name:         widget\nLicense:      GPL\nGroup:        Development/Tools\nVersion:      1.0\nRelease:      1\n';
    expect(found(spec)).toEqual([['GPL-1.0-or-later', 'license-reference', 2, 2, 1]]);
  });

  it('a GNU-titled license named anywhere is a reference (the GPL\'s own rule: no version, any version)', () => {
    const text = 'The sources are shipped with the firmware in order to comply with the GNU General Public License.\n';
    expect(found(text)).toEqual([['GPL-1.0-or-later', 'license-reference', 1, 1, 1]]);
  });

  it('"X is LGPLv2.1" is a reference; an exception *to* another GPL is no statement', () => {
    expect(found('Packaging notes:\n- libwidget is LGPLv2.1\n- link it dynamically\n')).toEqual([['LGPL-2.1-only', 'license-reference', 2, 2, 1]]);
    const text = '/*\n * Licensed under the GPL v2\n *\n * This plugin does not qualify for gcc\'s runtime library exception to the GPL v3.\n */';
    expect(found(text).map((f) => f[0])).toEqual(['GPL-2.0-only']);
  });

  it('Linux headers: the kernel COPYING is GPL-2.0-only; "this archive" says no more than the GPL', () => {
    const linux = ` *  This file is subject to the terms and conditions of the GNU General Public
 *  License.  See the file COPYING in the main directory of the Linux
 *  distribution for more details.`;
    expect(found(linux)).toEqual([['GPL-2.0-only', 'license-notice', 1, 3, 1]]);
    const archive = ` * This file is subject to the terms and conditions of the GNU General Public
 * License.  See the file COPYING in the main directory of this archive
 * for more details.`;
    expect(found(archive)[0]).toEqual(['GPL-1.0-or-later', 'license-reference', 1, 2, 1]);
  });

  it('an "ALTERNATIVELY … GNU General Public License" clause inside a BSD text is a second license', () => {
    const text = `Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions
are met:
1. Redistributions of source code must retain the above copyright
   notice, this list of conditions and the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright
   notice, this list of conditions and the following disclaimer in the
   documentation and/or other materials provided with the distribution.
3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

Alternatively, this software may be distributed under the terms of the
GNU General Public License ("GPL") version 2 as published by the Free
Software Foundation.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE
LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR
CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS
INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN
CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE)
ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE
POSSIBILITY OF SUCH DAMAGE.`;
    const ids = detectLicenses(text).map((f) => f.license);
    expect(ids).toContain('GPL-2.0-only');
    expect(ids.filter((id) => id?.startsWith('BSD'))).toEqual(['BSD-3-Clause']);
  });

  it('a notice inside string literals (a .po file): "\\n" escapes are line breaks', () => {
    const po = `#: ui/about.glade:12
msgid ""
"Widgets is free software; you can redistribute it and/or modify \\n"
"it under the terms of the GNU General Public License as published by \\n"
"the Free Software Foundation; either version 2 of the License, or \\n"
"(at your option) any later version.\\n"
msgstr ""`;
    expect(found(po).map((f) => [f[0], f[1]])).toEqual([['GPL-2.0-or-later', 'license-notice']]);
  });

  it('a GPL-style header naming the Apache License is Apache-2.0, not an FSF permissive notice', () => {
    const text = `/***********************************************************
 Copyright (C) 2013 Example University.

 This program is free software; you can redistribute it and/or
 modify it under the terms of the Apache License, Version 2.0
 as published by the Apache Software Foundation.

 This program is distributed in the hope that it will be useful,
 but WITHOUT ANY WARRANTY; without even the implied warranty of
 MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 Apache License for more details.
***********************************************************/`;
    expect(detectLicenses(text).map((f) => f.license)).toEqual(['Apache-2.0']);
  });

  it('a hostapd-style GPL-2.0 header with a BSD alternative', () => {
    const text = `/*
 * Example supplicant
 * Copyright (c) 2004-2009, Jane Example <j@example.org>
 *
 * This program is free software; you can redistribute it and/or modify
 * it under the terms of the GNU General Public License version 2 as
 * published by the Free Software Foundation.
 *
 * Alternatively, this software may be distributed under the terms of BSD
 * license.
 */`;
    expect(found(text)).toEqual([
      ['GPL-2.0-only', 'license-notice', 5, 7, 1],
      ['BSD-3-Clause', 'license-reference', 9, 10, 0.8],
    ]);
  });
});

describe('Apache, MPL, Eclipse, CDDL and other stewards\' headers', () => {
  it('the ASF header is one Apache-2.0 notice from "Licensed to the ASF" to its URL', () => {
    const text = `<?xml version="1.0"?>
<!--
  Licensed to the Apache Software Foundation (ASF) under one
  or more contributor license agreements.  See the NOTICE file
  distributed with this work for additional information
  regarding copyright ownership.  The ASF licenses this file
  to you under the Apache License, Version 2.0 (the
  "License"); you may not use this file except in compliance
  with the License.  You may obtain a copy of the License at

    https://www.apache.org/licenses/LICENSE-2.0
-->
<project/>`;
    expect(found(text)).toEqual([['Apache-2.0', 'license-notice', 3, 11, 1]]);
  });

  it('the Mozilla tri-license block is one notice offering three licenses', () => {
    const text = `/* ***** BEGIN LICENSE BLOCK *****
 * Version: MPL 1.1/GPL 2.0/LGPL 2.1
 *
 * The contents of this file are subject to the Mozilla Public License Version
 * 1.1 (the "License"); you may not use this file except in compliance with
 * the License. You may obtain a copy of the License at
 * http://www.mozilla.org/MPL/
 *
 * Alternatively, the contents of this file may be used under the terms of
 * either the GNU General Public License Version 2 or later (the "GPL"), or
 * the GNU Lesser General Public License Version 2.1 or later (the "LGPL"),
 * in which case the provisions of the GPL or the LGPL are applicable instead
 * of those above.
 * ***** END LICENSE BLOCK ***** */`;
    expect(found(text)).toEqual([['MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later', 'license-notice', 1, 14, 1]]);
  });

  it('Eclipse headers: EPL-1.0, and EPL-2.0 beside the Eclipse Distribution License (BSD-3-Clause)', () => {
    const epl1 = `/*******************************************************************************
 * Copyright (c) 2010 Example Corp. and others.
 * All rights reserved. This program and the accompanying materials
 * are made available under the terms of the Eclipse Public License v1.0
 * which accompanies this distribution, and is available at
 * http://www.eclipse.org/legal/epl-v10.html
 *******************************************************************************/`;
    expect(found(epl1)).toEqual([['EPL-1.0', 'license-notice', 3, 6, 1]]);
    const epl2 = ` * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/, or the Eclipse Distribution License
 * v. 1.0 which is available at http://www.eclipse.org/org/documents/edl-v10.php.`;
    expect(found(epl2).map((f) => [f[0], f[1]])).toEqual([
      ['EPL-2.0', 'license-notice'],
      ['BSD-3-Clause', 'license-reference'],
    ]);
  });

  it('CDDL headers: unversioned is CDDL-1.0; the GlassFish dual header reads its version from the license URL', () => {
    const cddl = ` * The contents of this file are subject to the terms of the Common
 * Development and Distribution License (the "License"). You may not use
 * this file except in compliance with the License.`;
    expect(found(cddl)).toEqual([['CDDL-1.0', 'license-notice', 1, 3, 1]]);
    const glassfish = `/*
 * Copyright (c) 2012 Example and/or its affiliates. All rights reserved.
 *
 * The contents of this file are subject to the terms of either the GNU
 * General Public License Version 2 only ("GPL") or the Common Development
 * and Distribution License("CDDL") (collectively, the "License").  You
 * may not use this file except in compliance with the License.  You can
 * obtain a copy of the License at https://example.org/CDDL+GPL_1_1.html.
 *
 * GPL Classpath Exception:
 * Example designates this particular file as subject to the "Classpath"
 * exception as provided by Example in the GPL Version 2 section of the License
 * file that accompanied this code.
 */`;
    expect(found(glassfish)).toEqual([['CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0', 'license-notice', 4, 13, 1]]);
  });

  it('Boost, CC0, Perl and the eCos exception', () => {
    const boost = '//  Copyright 2004 Jane Example.\n//  Distributed under the Boost Software License, Version 1.0. (See\n//  accompanying file LICENSE_1_0.txt or copy at\n//  http://www.boost.org/LICENSE_1_0.txt)\n#pragma once';
    expect(found(boost)).toEqual([['BSL-1.0', 'license-notice', 2, 4, 1]]);
    const cc0 = `/* Written in 2015 by Jane Example.
 *
 * To the extent possible under law, the author(s) have dedicated all copyright
 * and related and neighboring rights to this software to the public domain
 * worldwide. This software is distributed without any warranty.
 *
 * You should have received a copy of the CC0 Public Domain Dedication along
 * with this software. If not, see <http://creativecommons.org/publicdomain/zero/1.0/>.
 */`;
    expect(found(cc0)).toEqual([['CC0-1.0', 'license-notice', 3, 8, 1]]);
    const perl = 'Copyright (C) 2009 by Jane Example\n\nThis library is free software; you can redistribute it and/or modify\nit under the same terms as Perl itself.\n';
    expect(found(perl)).toEqual([['Artistic-1.0-Perl OR GPL-1.0-or-later', 'license-notice', 3, 4, 1]]);
    const ruby = '# Copyright (c) 2007 Jane Example\n# You can redistribute it and/or modify it under the same terms as Ruby.\n';
    expect(found(ruby)).toEqual([['Ruby', 'license-notice', 2, 2, 1]]);
    const ecos = `// This file is free software; you can redistribute it and/or modify it under
// the terms of the GNU General Public License as published by the Free
// Software Foundation; either version 2 or (at your option) any later version.
//
// As a special exception, if other files instantiate templates or use macros
// or inline functions from this file, or you compile this file and link it
// with other works to produce a work based on this file, this file does not
// by itself cause the resulting work to be covered by the GNU General Public
// License.`;
    expect(found(ecos)).toEqual([['GPL-2.0-or-later WITH eCos-exception-2.0', 'license-notice', 1, 9, 1]]);
  });

  it('"Use of this source code is governed by a BSD-style / MIT-style license": a notice read by convention', () => {
    const chromium = '// Copyright 2020 The Example Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style license that can be\n// found in the LICENSE file.\n\n#include "base/widget.h"\n';
    expect(found(chromium)).toEqual([['BSD-3-Clause', 'license-notice', 2, 3, 0.8]]);
    const angular = '/**\n * @license\n * Use of this source code is governed by an MIT-style license that can be\n * found in the LICENSE file at https://example.dev/license\n */';
    expect(found(angular)).toEqual([['MIT', 'license-notice', 3, 4, 0.8]]);
  });
});

describe('public domain, short statements and package metadata', () => {
  it('public-domain dedications and the Unlicense sentence', () => {
    expect(found('/*\n * sha-tiny.c - a small SHA-1\n * This file is placed in the public domain by its author.\n */')).toEqual([['LicenseRef-clearance-public-domain', 'license-reference', 3, 3, 1]]);
    expect(found('// This is free and unencumbered software released into the public domain.\n// See <https://unlicense.org>\n')).toEqual([['Unlicense', 'license-reference', 1, 1, 1]]);
  });

  it('"released under" / "distributed under" / dual-licensing phrases', () => {
    expect(found('/*!\n * widget.js v1.2\n * Dual licensed under the MIT and GPL licenses.\n */').map((f) => f[0]).sort()).toEqual(['GPL-1.0-or-later', 'MIT']);
    expect(found('// Package widget draws widgets.\n// Released under the ISC License.\npackage widget\n')).toEqual([['ISC', 'license-reference', 2, 2, 1]]);
    expect(found('/* tinyz.c -- tiny inflate\n * Distributed under the zlib license.\n */')).toEqual([['Zlib', 'license-reference', 2, 2, 1]]);
    expect(found('# Licensed under the PSF License.\n')).toEqual([['PSF-2.0', 'license-reference', 1, 1, 1]]);
    // "the Apache License" with no version is today's Apache license, by convention (score 0.8); a version decides.
    expect(found('// Copyright 2018 Example\n// Licensed under the Apache License.\n')).toEqual([['Apache-2.0', 'license-reference', 2, 2, 0.8]]);
    expect(found('Licensed under the Apache License, Version 1.1\n')).toEqual([['Apache-1.1', 'license-reference', 1, 1, 1]]);
    expect(found('This copyrighted material is made available to anyone wishing to use it\nsubject to the terms and conditions of the FreeBSD License.')).toEqual([['BSD-2-Clause', 'license-reference', 2, 2, 1]]);
  });

  it('license fields of package manifests, Python classifiers and README badges', () => {
    const cargo = '[package]\nname = "widget"\nversion = "0.3.1"\nlicense = "MIT OR Apache-2.0"\n';
    expect(found(cargo)).toEqual([['MIT OR Apache-2.0', 'license-reference', 4, 4, 1]]);
    expect(found('{\n  "name": "widget",\n  "version": "2.0.0",\n  "license": "ISC"\n}\n')).toEqual([['ISC', 'license-reference', 4, 4, 1]]);
    expect(found('Gem::Specification.new do |spec|\n  spec.licenses = ["MIT"]\nend\n')).toEqual([['MIT', 'license-reference', 2, 2, 1]]);
    expect(found('setup(\n    classifiers=[\n        "License :: OSI Approved :: Apache Software License",\n    ],\n)\n')).toEqual([['Apache-2.0', 'license-reference', 3, 3, 0.8]]);
    const readme = '# widget\n\n[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](https://example.com/LICENSE)\n';
    expect(found(readme)).toEqual([['MIT', 'license-reference', 3, 3, 1]]);
  });

  it('SPDX tags: deprecated GNU ids as their current ids, a misspelt id read through spdx-correct (flagged)', () => {
    expect(found('// SPDX-License-Identifier: GPL-2.0\n')).toEqual([['GPL-2.0-only', 'spdx-tag', 1, 1, 1]]);
    expect(found('// SPDX-License-Identifier: GPL-2.0+ OR MIT\n')).toEqual([['GPL-2.0-or-later OR MIT', 'spdx-tag', 1, 1, 1]]);
    const [tag] = detectLicenses('// SPDX-License-Identifier: BSD-2\n');
    expect(tag).toMatchObject({ license: 'BSD-2-Clause', kind: 'spdx-tag', score: 0.8, matchedBy: 'spdx-tag:corrected' });
    expect(tag!.error).toMatch(/invalid SPDX expression "BSD-2"/);
  });

  it('a bare "BSD License" followed by its text yields to the text', () => {
    const text = `This header file may also be distributed under the terms of the BSD Licence as follows:

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions
are met:
1. Redistributions of source code must retain the above copyright
   notice, this list of conditions and the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright
   notice, this list of conditions and the following disclaimer in the
   documentation and/or other materials provided with the distribution.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE
LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR
CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS
INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN
CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE)
ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE
POSSIBILITY OF SUCH DAMAGE.`;
    expect(detectLicenses(text).map((f) => [f.license, f.kind])).toEqual([['BSD-2-Clause', 'license-text']]);
    expect(lines(text)).toBe(22);
  });
});
