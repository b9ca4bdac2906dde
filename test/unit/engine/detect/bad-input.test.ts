import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../../electron/main/engine/2-detect/analyze-file.js';
import { detect } from '../../../../electron/main/engine/2-detect/detect.js';
import { decodeContent } from '../../../../electron/main/engine/2-detect/text/index.js';
import { licenseText } from './helpers.js';

const mitHeader = '// Copyright (c) 2020 Café Société\n// SPDX-License-Identifier: MIT\n';

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le).swap16();
  const mark = endian === 'le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
  return bom ? Buffer.concat([mark, body]) : body;
}

describe('decodeContent', () => {
  it('decodes UTF-8 with and without BOM', () => {
    expect(decodeContent(Buffer.from(mitHeader))).toMatchObject({ kind: 'text', text: mitHeader, encoding: 'utf-8' });
    expect(decodeContent(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(mitHeader)]))).toMatchObject({ kind: 'text', text: mitHeader });
  });

  for (const endian of ['le', 'be'] as const) {
    for (const bom of [true, false]) {
      it(`decodes UTF-16 ${endian.toUpperCase()} ${bom ? 'with' : 'without'} BOM`, () => {
        expect(decodeContent(utf16(mitHeader, endian, bom))).toMatchObject({ kind: 'text', text: mitHeader, encoding: `utf-16${endian}` });
      });
    }
  }

  it('falls back to windows-1252 for invalid UTF-8 (Latin-1 text)', () => {
    const latin1 = Buffer.from(mitHeader, 'latin1');
    const decoded = decodeContent(latin1);
    expect(decoded).toMatchObject({ kind: 'text', encoding: 'windows-1252' });
    expect(decoded.kind === 'text' && decoded.text).toBe(mitHeader);
  });

  it('reads UTF-8 with a few invalid bytes as UTF-8, and only those bytes as windows-1252', () => {
    // A UTF-8 file later edited in a Latin-1 editor: "é" in UTF-8, then a Latin-1 "é" (0xE9) and a cp1252 euro (0x80).
    const buf = Buffer.concat([Buffer.from('/* Copyright (c) 2020 Café Société, Zürich */\n/* Prix: '), Buffer.from([0xe9, 0x20, 0x80]), Buffer.from(' */\n')]);
    const decoded = decodeContent(buf);
    expect(decoded).toMatchObject({ kind: 'text', encoding: 'utf-8+windows-1252' });
    expect(decoded.kind === 'text' && decoded.text).toBe('/* Copyright (c) 2020 Café Société, Zürich */\n/* Prix: é € */\n');
    // Truncated and overlong sequences are invalid bytes too, not swallowed characters.
    const broken = decodeContent(Buffer.from([0x41, 0xc3, 0x28, 0xe2, 0x82, 0x41, 0xc0, 0xaf, 0xc3, 0xa9]));
    expect(broken.kind === 'text' && broken.text).toBe('AÃ(â‚AÀ¯é');
  });

  it('calls NUL bytes, control bytes and known signatures binary', () => {
    expect(decodeContent(Buffer.from('abc\u0000def\u0000ghi', 'latin1'))).toMatchObject({ kind: 'binary', reason: expect.stringMatching(/NUL/) });
    expect(decodeContent(Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 7) + 1)))).toMatchObject({ kind: 'binary', reason: expect.stringMatching(/control/) });
    expect(decodeContent(readFileSync(process.execPath).subarray(0, 4096))).toMatchObject({ kind: 'binary' });
    // A PDF's text is in compressed streams; its raw bytes read as Latin-1 gave made-up "(c)" statements.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.5\r%\xe2\xe3\xcf\xd3\r\n1 0 obj\r<</Length 40/Filter/FlateDecode>>stream\r\n', 'latin1'), Buffer.from([0x78, 0x9c, 0xa9, 0x28, 0x63, 0x29]), Buffer.from('\r\nendstream', 'latin1')]);
    expect(decodeContent(pdf)).toMatchObject({ kind: 'binary', reason: 'pdf file signature' });
  });
});

describe('analyzeFile on bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clearance-bad-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('skips and records binary files and NUL-laden files', async () => {
    const png = write('x.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]));
    const nul = write('nul.txt', Buffer.from(`${mitHeader}\u0000\u0000\u0000`, 'latin1'));
    for (const file of [png, nul]) {
      const r = await analyzeFile(file, { maxFileBytes: 1 << 20 });
      expect(r).toMatchObject({ type: 'binary', findings: [], error: null });
      expect(r.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    }
  });

  it('reports files over the size limit without reading them whole, hashes still exact', async () => {
    const content = `${licenseText('MIT')}\n`.repeat(200);
    const file = write('big-LICENSE', content);
    const r = await analyzeFile(file, { maxFileBytes: 10_000 });
    expect(r.type).toBe('too-large');
    expect(r.findings).toEqual([]);
    expect(r.size).toBe(Buffer.byteLength(content));
    expect(r.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(r.sha1).toBe(createHash('sha1').update(content).digest('hex'));
    expect(r.error).toMatch(/exceeds the 10000-byte limit/);
  });

  it('reads UTF-16 LE/BE with and without BOM, Latin-1 and invalid UTF-8', async () => {
    const variants: Array<[string, Buffer, string]> = [
      ['le-bom', utf16(mitHeader, 'le', true), 'utf-16le'],
      ['le', utf16(mitHeader, 'le', false), 'utf-16le'],
      ['be-bom', utf16(mitHeader, 'be', true), 'utf-16be'],
      ['be', utf16(mitHeader, 'be', false), 'utf-16be'],
      ['latin1', Buffer.from(mitHeader, 'latin1'), 'windows-1252'],
      ['broken-utf8', Buffer.concat([Buffer.from(mitHeader), Buffer.from([0xc3, 0x28, 0xa0, 0xa1])]), 'utf-8+windows-1252'],
    ];
    for (const [name, buf, encoding] of variants) {
      const r = await analyzeFile(write(`${name}.c`, buf), { maxFileBytes: 1 << 20 });
      expect(r.type).toBe('text');
      expect(r.encoding).toBe(encoding);
      expect(r.findings.find((f) => f.kind === 'spdx-tag')?.license).toBe('MIT');
      // Mixed UTF-8 with invalid bytes keeps its UTF-8 letters: only the invalid bytes are read as windows-1252.
      const holder = r.findings.find((f) => f.kind === 'copyright')?.holders?.[0];
      expect(holder).toBe('Café Société');
    }
  });

  it('handles a several-megabyte minified one-line file with an embedded license comment', async () => {
    const code = 'var a=function(b){return b*2};'.repeat(150_000);
    const content = `/*! lib v1 | (c) 2019 Minified Authors | Released under the MIT license */${code}/* see https://opensource.org/licenses/MIT */${code}`;
    const r = await analyzeFile(write('lib.min.js', content), { maxFileBytes: 50 << 20, timeBudgetMs: 20_000 });
    expect(r.type).toBe('text');
    expect(r.size).toBeGreaterThan(8_000_000);
    expect(r.findings.filter((f) => f.license === 'MIT').length).toBeGreaterThanOrEqual(1);
    expect(r.findings.find((f) => f.kind === 'copyright')?.holders).toEqual(['Minified Authors']);
  });

  it('handles very long lines of prose and the time budget holds on a huge input', async () => {
    const longLine = `${'lorem ipsum dolor sit amet '.repeat(100_000)}\n${licenseText('ISC')}`;
    const r = await analyzeFile(write('long.txt', longLine), { maxFileBytes: 50 << 20 });
    expect(r.findings.map((f) => f.license).filter(Boolean)).toContain('ISC');
    const many = `${licenseText('GPL-3.0-only')}\n`.repeat(300);
    const findings = detect(many, { timeBudgetMs: 1 });
    const incomplete = findings.find((f) => f.matchedBy === 'incomplete:time-budget');
    expect(incomplete?.error).toMatch(/time budget/);
    const analysed = await analyzeFile(write('many.txt', many), { maxFileBytes: 50 << 20, timeBudgetMs: 1 });
    expect(analysed.timedOut).toBe(true);
  });

  // Each of these once took minutes inside a single regular expression or an all-pairs loop, where no time budget can
  // interrupt: a libstdc++ header with 36-digit constants (229 s), one line of "(c)" (quadratic), a license on every line.
  it('inputs that once defeated the time budget finish within it', () => {
    const gccHeader = `// Copyright (C) 2019-2022 Free Software Foundation, Inc.\n//\n// This file is part of the GNU ISO C++ Library.  This library is free\n// software; you can redistribute it and/or modify it under the\n// terms of the GNU General Public License as published by the\n// Free Software Foundation; either version 3, or (at your option)\n// any later version.\n// <http://www.gnu.org/licenses/>.\n`;
    const constants = '  template<>\n    inline constexpr __float128 e_v<__float128>\n      = 2.718281828459045235360287471352662498Q;\n'.repeat(40);
    const budget = { timeBudgetMs: 5_000 };
    const header = detect(gccHeader + constants, budget);
    expect(header.some((f) => f.matchedBy.startsWith('incomplete'))).toBe(false);
    expect(header.map((f) => f.license)).toContain('GPL-3.0-or-later');

    const symbols = detect(`// (c) 2020 Someone\n${'f(c)+'.repeat(200_000)}\n`, budget);
    expect(symbols.some((f) => f.matchedBy.startsWith('incomplete'))).toBe(false);
    expect(symbols.filter((f) => f.kind === 'copyright')).toHaveLength(1);

    const everyLine = detect(`# license list\n${'GPL\n'.repeat(60_000)}`, budget);
    expect(everyLine.some((f) => f.matchedBy === 'incomplete:time-budget')).toBe(false);
    expect(everyLine.find((f) => f.matchedBy === 'incomplete:statements')?.error).toMatch(/only the first 2000 license statements/);
  });

  it('never throws: missing files, directories and dangling links are unreadable with the OS error', async () => {
    const missing = await analyzeFile(path.join(dir, 'nope.txt'), { maxFileBytes: 100 });
    expect(missing).toMatchObject({ type: 'unreadable', findings: [] });
    expect(missing.error).toMatch(/ENOENT/);
    const sub = path.join(dir, 'subdir');
    mkdirSync(sub);
    const directory = await analyzeFile(sub, { maxFileBytes: 100 });
    expect(directory.type).toBe('unreadable');
    expect(directory.error).toMatch(/not a regular file|EISDIR/);
    const link = path.join(dir, 'dangling');
    symlinkSync(path.join(dir, 'gone'), link);
    expect((await analyzeFile(link, { maxFileBytes: 100 })).error).toMatch(/ENOENT/);
  });

  it('an empty file is text with no findings', async () => {
    expect(await analyzeFile(write('empty', ''), { maxFileBytes: 100 })).toMatchObject({ type: 'text', findings: [], size: 0 });
  });
});
