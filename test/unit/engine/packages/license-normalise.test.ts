import { describe, expect, it } from 'vitest';
import parseSpdx from 'spdx-expression-parse';
import { normaliseDeclaredLicense } from '../../../../electron/main/engine/2-detect/packages/index.js';

/** Real declared-license strings as they appear in manifests, and the expression an auditor would write. */
const TABLE: [string, string | null, boolean][] = [
  // already SPDX: copied (normalised false), only formatting canonicalised
  ['MIT', 'MIT', false],
  ['(MIT OR Apache-2.0)', 'MIT OR Apache-2.0', false],
  ['MIT AND BSD-3-Clause', 'MIT AND BSD-3-Clause', false],
  ['MIT or Apache-2.0', 'MIT OR Apache-2.0', false],
  ['Apache-2.0 WITH LLVM-exception', 'Apache-2.0 WITH LLVM-exception', false],
  ['MIT AND (Apache-2.0 OR BSD-2-Clause)', 'MIT AND (Apache-2.0 OR BSD-2-Clause)', false],
  ['Unlicense', 'Unlicense', false],
  ['LicenseRef-Acme-EULA', 'LicenseRef-Acme-EULA', false],
  // deprecated SPDX ids upgraded
  ['GPL-2.0', 'GPL-2.0-only', true],
  ['GPL-2.0+', 'GPL-2.0-or-later', true],
  ['LGPL-2.1+', 'LGPL-2.1-or-later', true],
  ['GPL-2.0-with-classpath-exception', 'GPL-2.0-only WITH Classpath-exception-2.0', true],
  ['(GPL-2.0 OR MIT) AND BSD-3-Clause', '(GPL-2.0-only OR MIT) AND BSD-3-Clause', true],
  // names
  ['mit', 'MIT', true],
  ['MIT License', 'MIT', true],
  ['The MIT License', 'MIT', true],
  ['MIT/X11', 'MIT', true],
  ['Apache 2', 'Apache-2.0', true],
  ['Apache 2.0', 'Apache-2.0', true],
  ['Apache License, Version 2.0', 'Apache-2.0', true],
  ['The Apache Software License, Version 2.0', 'Apache-2.0', true],
  ['ASL 2.0', 'Apache-2.0', true],
  ['BSD', 'BSD-3-Clause', true],
  ['BSD License', 'BSD-3-Clause', true],
  ['New BSD License', 'BSD-3-Clause', true],
  ['Simplified BSD', 'BSD-2-Clause', true],
  ['BSD 2-Clause License', 'BSD-2-Clause', true],
  ['ISC License', 'ISC', true],
  ['GPLv2+', 'GPL-2.0-or-later', true],
  ['GPLv3', 'GPL-3.0-only', true],
  ['GNU GPL v3', 'GPL-3.0-only', true],
  ['GNU General Public License v2 with Classpath exception', 'GPL-2.0-only WITH Classpath-exception-2.0', true],
  ['LGPL', 'LGPL-2.0-or-later', true],
  ['GNU Lesser General Public License', 'LGPL-2.1-or-later', true],
  ['GPL', 'GPL-1.0-or-later', true],
  ['Mozilla Public License 2.0 (MPL 2.0)', 'MPL-2.0', true],
  ['Eclipse Public License - v 2.0', 'EPL-2.0', true],
  ['Eclipse Public License 1.0', 'EPL-1.0', true],
  ['European Union Public Licence 1.2 (EUPL 1.2)', 'EUPL-1.2', true],
  ['Python Software Foundation License', 'PSF-2.0', true],
  ['CDDL + GPLv2 with classpath exception', 'CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0', true],
  ['GPL2 w/ CPE', 'GPL-2.0-only WITH Classpath-exception-2.0', true],
  ['Boost Software License 1.0 (BSL-1.0)', 'BSL-1.0', true],
  ['zlib', 'Zlib', true],
  ['Artistic License 2.0', 'Artistic-2.0', true],
  ['Historical Permission Notice and Disclaimer (HPND)', 'HPND', true],
  // alternatives and combinations written loosely
  ['MIT/Apache-2.0', 'MIT OR Apache-2.0', true],
  ['Apache-2.0/MIT', 'Apache-2.0 OR MIT', true],
  ['Dual MIT/GPL', 'MIT OR GPL-1.0-or-later', true],
  ['GPLv2 or MIT', 'GPL-2.0-only OR MIT', true],
  ['Apache 2.0 or MIT', 'Apache-2.0 OR MIT', true],
  ['MIT OR Apache-2.0 OR GPLv2+', 'MIT OR Apache-2.0 OR GPL-2.0-or-later', true],
  // Python trove classifiers
  ['License :: OSI Approved :: MIT License', 'MIT', true],
  ['License :: OSI Approved :: BSD License', 'BSD-3-Clause', true],
  ['License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)', 'LGPL-2.0-or-later', true],
  ['License :: OSI Approved :: GNU General Public License v3 (GPLv3)', 'GPL-3.0-only', true],
  ['License :: OSI Approved :: Apache Software License OR License :: OSI Approved :: BSD License', 'Apache-2.0 OR BSD-3-Clause', true],
  ['License :: Public Domain', 'LicenseRef-clearance-public-domain', true],
  ['License :: Other/Proprietary License', 'LicenseRef-clearance-proprietary', true],
  // URLs of well-known licenses
  ['http://www.apache.org/licenses/LICENSE-2.0.txt', 'Apache-2.0', true],
  ['https://opensource.org/licenses/MIT', 'MIT', true],
  ['http://www.opensource.org/licenses/mit-license.php', 'MIT', true],
  ['http://www.gnu.org/licenses/lgpl-2.1.html', 'LGPL-2.1-only', true],
  ['https://www.gnu.org/licenses/old-licenses/gpl-2.0.html', 'GPL-2.0-only', true],
  ['https://www.eclipse.org/legal/epl-2.0/', 'EPL-2.0', true],
  ['http://www.eclipse.org/legal/epl-v10.html', 'EPL-1.0', true],
  ['https://www.mozilla.org/en-US/MPL/2.0/', 'MPL-2.0', true],
  ['https://licenses.nuget.org/MIT', 'MIT', true],
  ['https://licenses.nuget.org/Apache-2.0%20OR%20MIT', 'Apache-2.0 OR MIT', true],
  ['https://creativecommons.org/publicdomain/zero/1.0/', 'CC0-1.0', true],
  ['https://spdx.org/licenses/BSD-2-Clause.html', 'BSD-2-Clause', true],
  ['https://github.com/acme/lib/blob/main/LICENSE', null, false],
  // conventions for what is not an open-source license
  ['UNLICENSED', 'LicenseRef-clearance-proprietary', true],
  ['proprietary', 'LicenseRef-clearance-proprietary', true],
  ['Commercial', 'LicenseRef-clearance-proprietary', true],
  ['All rights reserved', 'LicenseRef-clearance-proprietary', true],
  ['Public Domain', 'LicenseRef-clearance-public-domain', true],
  ['SEE LICENSE IN LICENSE.txt', null, false],
  ['UNKNOWN', null, false],
  ['NOASSERTION', null, false],
  ['Custom', null, false],
  ['GPL-7.0', null, false],
  ['see the file COPYING', null, false],
];

describe('normaliseDeclaredLicense', () => {
  it.each(TABLE)('%s → %s', (verbatim, expression, normalised) => {
    const d = normaliseDeclaredLicense(verbatim);
    expect(d).toEqual({ verbatim, expression, normalised });
    if (expression) expect(() => parseSpdx(expression)).not.toThrow();
  });

  it('null and blank declare nothing', () => {
    expect(normaliseDeclaredLicense(null)).toEqual({ verbatim: null, expression: null, normalised: false });
    expect(normaliseDeclaredLicense('   ')).toEqual({ verbatim: '   ', expression: null, normalised: false });
  });

  it('a whole license text is not a name', () => {
    const text = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software '.repeat(5);
    expect(normaliseDeclaredLicense(text).expression).toBeNull();
  });

  it('an enormous string is handled without hanging and keeps its verbatim', () => {
    const huge = 'MIT OR '.repeat(200_000) + 'Apache-2.0';
    const d = normaliseDeclaredLicense(huge);
    expect(d.verbatim).toBe(huge);
    expect(d.expression).toBeNull();
  });
});
