// Generates license-categories.json: a default category for every SPDX license id (docs/policy.md, "How the
// shipped classification is made"). Run: node resources/policies/generate-license-categories.mjs
// Inputs are npm packages: spdx-license-ids (+ deprecated), spdx-license-list (names, OSI approval),
// @blueoak/list (Blue Oak Council's permissive list), spdx-copyleft (a copyleft list used as a cross-check).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const requireFromHere = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

const group = (category, reason, ids) => ids.map((id) => [id, { category, reason }]);

/** Hand-reviewed ids, checked first. Each group says why. */
const curated = new Map([
  ...group('public-domain', 'public-domain dedication or waiver', [
    'CC0-1.0', 'Unlicense', 'Unlicense-libtelnet', 'Unlicense-libwhirlpool', 'PDDL-1.0', 'CC-PDDC', 'CC-PDM-1.0',
    'libselinux-1.0', 'DL-DE-ZERO-2.0', 'NIST-PD', 'NIST-PD-TNT', 'NIST-PD-fallback', 'NCBI-PD', 'NTIA-PD', 'SAX-PD', 'SAX-PD-2.0',
  ]),
  ...group('network-copyleft', 'copyleft that is triggered by offering the software over a network', [
    'SSPL-1.0', 'CPAL-1.0', 'CAL-1.0', 'CAL-1.0-Combined-Work-Exception', 'NPOSL-3.0',
  ]),
  ...group('strong-copyleft', 'copyleft over the whole derived work', [
    'Sleepycat', 'SimPL-2.0', 'ODbL-1.0', 'CERN-OHL-S-2.0', 'TAPR-OHL-1.0', 'NGPL', 'D-FSL-1.0', 'LAL-1.2', 'LAL-1.3',
    'LiLiQ-Rplus-1.1', 'UCL-1.0', 'TGPPL-1.0', 'SMAIL-GPL', 'BSD-Protection', 'CC-SA-1.0', 'QPL-1.0', 'QPL-1.0-INRIA-2004',
    'GPL-2.0-with-autoconf-exception', 'GPL-2.0-with-bison-exception', 'GPL-2.0-with-font-exception',
    'GPL-3.0-with-autoconf-exception',
  ]),
  ...group('weak-copyleft', 'copyleft limited to the file, library or modified component', [
    'CPL-1.0', 'IPL-1.0', 'MS-RL', 'ErlPL-1.1', 'SPL-1.0', 'Motosoto', 'Nokia', 'wxWindows', 'eCos-2.0', 'Watcom-1.0', 'CECILL-C',
    'CERN-OHL-W-2.0', 'CERN-OHL-1.1', 'CERN-OHL-1.2', 'OCLC-2.0', 'LiLiQ-R-1.1', 'CUA-OPL-1.0', 'OSET-PL-2.1', 'RSCPL', 'RPSL-1.0',
    'APL-1.0', 'CATOSL-1.1', 'Frameworx-1.0', 'IPA', 'SugarCRM-1.1.3', 'Interbase-1.0', 'gSOAP-1.3b', 'RHeCos-1.1', 'NOSL',
    'OCCT-PL', 'SGI-B-1.0', 'SGI-B-1.1', 'BitTorrent-1.0', 'BitTorrent-1.1', 'FreeImage', 'OPL-1.0', 'SNIA', 'TPL-1.0',
    'Ubuntu-font-1.0', 'Arphic-1999', 'CDLA-Sharing-1.0', 'LGPLLR', 'Linux-man-pages-copyleft', 'Linux-man-pages-copyleft-2-para',
    'Linux-man-pages-copyleft-var', 'GPL-2.0-with-classpath-exception', 'GPL-2.0-with-GCC-exception', 'GPL-3.0-with-GCC-exception',
  ]),
  ...group('non-commercial-or-proprietary', 'not open source: non-commercial, no-derivatives, field-of-use or competition limits', [
    'BUSL-1.1', 'Elastic-2.0', 'JSON', 'Aladdin', 'IEC-Code-Components-EULA', 'UnRAR', 'SUL-1.0', 'PPL', 'SCEA', 'Glide',
    'BSD-3-Clause-No-Military-License', 'BSD-3-Clause-No-Nuclear-License', 'HPND-sell-variant-critical-systems', 'MS-LPL',
  ]),
  ...group('permissive', 'permission with notice retention, no copyleft (reviewed by name; not on the Blue Oak list)', [
    'ALGLIB-Documentation', 'CERN-OHL-P-2.0', 'EUDatagrid', 'LiLiQ-P-1.1', 'OLFL-1.3', 'Unicode-3.0', 'WordNet', 'any-OSI',
    'any-OSI-perl-modules', 'SHL-0.51', 'TPDL', 'TTWL', 'OpenMDW-1.0', 'BOLA-1.1', 'Ruby-pty', 'Xdebug-1.03', 'DRL-1.0', 'DRL-1.1',
    'Baekmuk', 'Bitstream-Charter', 'Bitstream-Vera', 'Lucida-Bitmap-Fonts', 'ParaType-Free-Font-1.3', 'mplus', 'GD', 'HDF5',
    'HIDAPI', 'Imlib2', 'InnoSetup', 'JPNIC', 'Kastrup', 'LOOP', 'LPD-document', 'MIPS', 'MMIXware', 'MPEG-SSG', 'MakeIndex',
    'Martin-Birgmeier', 'Minpack', 'Noweb', 'OAR', 'OPL-UK-3.0', 'OpenVision', 'PADL', 'Pixar', 'Python-2.0.1', 'SGMLUG-PM', 'SGP4',
    'SL', 'Soundex', 'Sun-PPP', 'Sun-PPP-2000', 'TMate', 'TekHVC', 'TermReadKey', 'TrustedQSL', 'URT-RLE', 'Vixie-Cron', 'WTFNMFPL',
    'Widget-Workshop', 'Zeeff', 'atc-game', 'checkmk', 'dvipdfm', 'gtkbook', 'hyphen-bulgarian', 'iMatix', 'jove', 'lsof', 'magaz',
    'mailprio', 'man2html', 'metamail', 'mpi-permissive', 'ngrep', 'pkgconf', 'pnmstitch', 'psfrag', 'radvd', 'softSurfer', 'swrule',
    'threeparttable', 'ulem', 'w3m', 'wwl', 'xkeyboard-config-Zinoviev', 'xzoom', '3D-Slicer-1.0', 'AMD-newlib', 'AML-glslang',
    'ASWF-Digital-Assets-1.0', 'ASWF-Digital-Assets-1.1', 'Abstyles', 'AdaCore-doc', 'Advanced-Cryptics-Dictionary', 'App-s2p',
    'Aspell-RU', 'Buddy', 'Bugroff', 'CMU-Mach', 'CMU-Mach-nodoc', 'COIL-1.0', 'Caldera', 'Caldera-no-preamble', 'Catharon',
    'Cornell-Lossless-JPEG', 'Cronyx', 'CryptoSwift', 'DocBook-DTD', 'DocBook-Schema', 'DocBook-Stylesheet', 'DocBook-XML', 'Dotseqn',
    'EPICS', 'ESA-PL-permissive-2.4', 'Eurosym', 'FBM', 'FreeBSD-DOC', 'Furuseth', 'GCR-docs', 'GL2PS', 'Game-Programming-Gems',
    'Glulxe', 'Graphics-Gems', 'Gutmann', 'HaskellReport', 'ISO-permission', 'Inner-Net-2.0', 'OGDL-Taiwan-1.0', 'SchemeReport',
    'TTYP0', 'libutil-David-Nugent', 'Ferguson-Twofish', 'ISC-Veillard', 'LZMA-SDK-9.11-to-9.20', 'dtoa', 'libpng-1.6.35',
    'Linux-man-pages-1-para', 'Boehm-GC', 'Boehm-GC-without-fee', 'Knuth-CTAN', 'Latex2e', 'Latex2e-translated-notice',
    'OpenSSL-standalone', 'SSLeay-standalone', 'SSH-OpenSSH', 'ssh-keyscan', 'UMich-Merit', 'etalab-2.0', 'OGC-1.0', 'generic-xts',
    'Nunit', 'StandardML-NJ', 'Inner-Net-2.0', 'MIT-Click', 'MIT-Festival', 'MIT-Khronos-old', 'MIT-STK', 'X11-swapped',
    'X11-no-permit-persons', 'X11-distribute-modifications-variant', 'ThirdEye', 'Zed',
  ]),
]);

/** Families recognised by id, in order: the first match wins. */
const patterns = [
  [/^(CC-BY-NC|CC-BY-ND|PolyForm-|NCGL-|Hippocratic-|FSL-1\.1-)/, 'non-commercial-or-proprietary', 'not open source: non-commercial, no-derivatives or field-of-use limits'],
  [/^(AGPL-|OSL-|RPL-|Parity-)/, 'network-copyleft', 'copyleft that is triggered by offering the software over a network'],
  [/^(GPL-|GFDL-|EUPL-|CC-BY-SA-|CECILL-[12]|copyleft-next-|ESA-PL-strong-)/, 'strong-copyleft', 'copyleft over the whole derived work'],
  [/^(LGPL-|MPL-|EPL-|CDDL-|APSL-|NPL-|SISSL|OFL-|YPL-|Zimbra-|ESA-PL-weak-)/, 'weak-copyleft', 'copyleft limited to the file, library or modified component'],
  [/^(CC-BY-[0-9]|OGL-UK-|NLOD-|DL-DE-BY-|ODC-By-|CDLA-Permissive-|Adobe-|HP-19|HPND|MIT|X11|BSD-|Brian-Gladman-|Mackerras-|DEC-3-|FSFAP|FSFUL|SGI-OpenGL|LPPL-)/, 'permissive', 'a permissive family (notice retention, no copyleft)'],
];

function classify(id, sources) {
  const curatedEntry = curated.get(id);
  if (curatedEntry) return { ...curatedEntry, source: 'curated' };
  for (const [pattern, category, reason] of patterns) {
    if (pattern.test(id)) return { category, reason, source: `pattern ${pattern.source}` };
  }
  const rating = sources.blueOak.get(id);
  if (rating) return { category: 'permissive', reason: `Blue Oak Council permissive list (${rating})`, source: 'blueoak' };
  return { category: 'unknown', reason: 'no source classifies it: review the text before relying on it', source: 'none' };
}

export function buildCategories() {
  const list = requireFromHere('spdx-license-list/spdx.json');
  const ids = [...new Set([...requireFromHere('spdx-license-ids'), ...requireFromHere('spdx-license-ids/deprecated.json'), ...Object.keys(list)])];
  const blueOak = new Map(requireFromHere('@blueoak/list').flatMap((r) => r.licenses.map((l) => [l.id, r.name])));
  const copyleft = new Set(requireFromHere('spdx-copyleft'));
  const licenses = {};
  const conflicts = [];
  for (const id of ids.sort((a, b) => a.localeCompare(b))) {
    const entry = classify(id, { blueOak });
    // Cross-checks against the independent lists: a disagreement is a bug in the rules above.
    if (copyleft.has(id) && !/copyleft|non-commercial/.test(entry.category)) conflicts.push(`${id}: spdx-copyleft lists it, rules say ${entry.category}`);
    if (blueOak.has(id) && entry.category !== 'permissive' && entry.category !== 'public-domain') conflicts.push(`${id}: Blue Oak lists it as permissive, rules say ${entry.category}`);
    licenses[id] = { category: entry.category, reason: entry.reason, osiApproved: list[id]?.osiApproved ?? false };
  }
  if (conflicts.length > 0) throw new Error(`classification conflicts:\n${conflicts.join('\n')}`);
  const pkg = (name) => `${name}@${requireFromHere(`${name}/package.json`).version}`;
  return {
    description: 'Default license categories for every SPDX license id; generated by generate-license-categories.mjs (see docs/policy.md).',
    inputs: [pkg('spdx-license-ids'), pkg('spdx-license-list'), pkg('@blueoak/list'), pkg('spdx-copyleft')],
    licenses,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const data = buildCategories();
  writeFileSync(path.join(here, 'license-categories.json'), `${JSON.stringify(data, null, 1)}\n`);
  const counts = {};
  for (const { category } of Object.values(data.licenses)) counts[category] = (counts[category] ?? 0) + 1;
  process.stdout.write(`${Object.keys(data.licenses).length} ids: ${JSON.stringify(counts)}\n`);
}
