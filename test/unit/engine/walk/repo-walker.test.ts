import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkTree, walkTreeAsync } from '../../../../electron/main/engine/1-walk/repo-walker.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';

function touch(root: string, relative: string, content = 'x'): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

describe('walkTree', () => {
  it('lists every file in a stable order, skipping version-control internals but not vendored code or submodules', () => {
    const root = makeTempDir();
    touch(root, 'src/a.js');
    touch(root, 'vendor/lib/b.c');
    touch(root, 'node_modules/x/package.json', '{}');
    touch(root, '.git/HEAD', 'ref: refs/heads/main');
    touch(root, '.git/objects/ab/cdef', 'blob');
    touch(root, 'third_party/sub/.git', 'gitdir: ../../.git/modules/sub');
    touch(root, 'third_party/sub/sub.c');
    const { files, warnings } = walkTree(root);
    expect(files.map((f) => f.relPath)).toEqual(['node_modules/x/package.json', 'src/a.js', 'third_party/sub/sub.c', 'vendor/lib/b.c']);
    expect(warnings).toEqual([]);
  });

  it('applies .clearanceignore files in gitignore syntax at their own level', () => {
    const root = makeTempDir();
    touch(root, '.clearanceignore', 'dist/\n*.log\n');
    touch(root, 'dist/bundle.js');
    touch(root, 'build.log');
    touch(root, 'pkg/.clearanceignore', 'fixtures/\n!keep.log\n');
    touch(root, 'pkg/fixtures/f.txt');
    touch(root, 'pkg/keep.txt');
    touch(root, 'other/fixtures/g.txt');
    const paths = walkTree(root).files.map((f) => f.relPath);
    expect(paths).toEqual(['.clearanceignore', 'other/fixtures/g.txt', 'pkg/.clearanceignore', 'pkg/keep.txt']);
  });

  it('follows links inside the root once, and reports loops and links leading outside', () => {
    const outside = makeTempDir();
    touch(outside, 'secret.txt');
    const root = makeTempDir();
    touch(root, 'real/file.txt');
    symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    symlinkSync(root, path.join(root, 'real', 'loop'));
    symlinkSync(outside, path.join(root, 'escape'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'secret-link.txt'));
    symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling'));
    const { files, warnings } = walkTree(root);
    expect(files.map((f) => f.relPath)).toEqual(['real/file.txt']);
    const byPath = Object.fromEntries(warnings.map((w) => [w.relPath, w.message]));
    expect(byPath['alias']).toMatch(/second link|loop/);
    expect(byPath['real/loop']).toMatch(/loop/);
    expect(byPath['escape']).toMatch(/outside the scanned folder/);
    expect(byPath['secret-link.txt']).toMatch(/outside the scanned folder/);
    expect(byPath['dangling']).toMatch(/broken or looping symbolic link/);
  });

  it('reads file names that are not valid UTF-8, showing them escaped and keeping them openable', () => {
    const root = makeTempDir();
    const name = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]); // "café.txt" in Latin-1
    writeFileSync(Buffer.concat([Buffer.from(root + path.sep), name]), 'latin-1 name');
    const { files, warnings } = walkTree(root);
    expect(files).toHaveLength(1);
    expect(files[0]!.relPath).toBe('caf\\xe9.txt');
    expect(Buffer.isBuffer(files[0]!.absPath)).toBe(true);
    expect(files[0]!.size).toBe('latin-1 name'.length);
    expect(warnings[0]!.message).toMatch(/not valid UTF-8/);
  });

  it('stops when asked to', () => {
    const root = makeTempDir();
    for (let i = 0; i < 20; i++) touch(root, `d${i}/f.txt`);
    let calls = 0;
    const result = walkTree(root, { shouldStop: () => ++calls > 3 });
    expect(result.stopped).toBe(true);
    expect(result.files.length).toBeLessThan(20);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable directory and goes on (skipped as root, who can read anything)', async () => {
    const { chmodSync } = await import('node:fs');
    const root = makeTempDir();
    touch(root, 'ok/a.txt');
    touch(root, 'locked/b.txt');
    chmodSync(path.join(root, 'locked'), 0o000);
    try {
      const { files, warnings } = walkTree(root);
      expect(files.map((f) => f.relPath)).toEqual(['ok/a.txt']);
      expect(warnings[0]).toMatchObject({ relPath: 'locked', message: expect.stringMatching(/cannot read directory: EACCES/) });
    } finally {
      chmodSync(path.join(root, 'locked'), 0o755);
    }
  });

  it('the async walk hands out each file as it is found and ends with the same result as the blocking one', async () => {
    const root = makeTempDir();
    for (let d = 0; d < 40; d++) for (let f = 0; f < 25; f++) touch(root, `d${String(d).padStart(2, '0')}/sub/f${f}.txt`, `${d}-${f}`);
    const handedOut: string[] = [];
    const walked = await walkTreeAsync(root, { onFile: (file) => handedOut.push(file.relPath) });
    expect(walked).toEqual(walkTree(root));
    expect(walked.files).toHaveLength(1000);
    expect([...handedOut].sort()).toEqual(walked.files.map((f) => f.relPath));
  });
});
