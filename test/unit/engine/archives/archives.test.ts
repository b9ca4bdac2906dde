import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { archiveKind, ArchiveError, extractArchive, listArchive } from '../../../../electron/main/engine/1-walk/archives/index.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';
import { buildZip } from './zip-builder.js';
import { buildTar, buildTarGz } from './tar-builder.js';

const MIB = 1024 * 1024;
const hasBzip2 = (() => {
  try {
    execFileSync('bzip2', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function write(dir: string, name: string, data: Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
}

/** Every path under dir, relative, sorted. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d)) {
      const r = rel ? `${rel}/${name}` : name;
      out.push(r);
      if (lstatSync(path.join(d, name)).isDirectory()) walk(path.join(d, name), r);
    }
  };
  walk(dir, '');
  return out.sort();
}

describe('archiveKind', () => {
  it.each([
    ['lib/a.jar', 'zip'], ['x.war', 'zip'], ['x.ear', 'zip'], ['dist/pkg-1.0-py3-none-any.whl', 'zip'], ['x.egg', 'zip'],
    ['Newtonsoft.Json.13.0.1.nupkg', 'zip'], ['a.ZIP', 'zip'], ['rails-7.0.gem', 'gem'], ['a.tar', 'tar'],
    ['a.tar.gz', 'tar.gz'], ['pkg.tgz', 'tar.gz'], ['serde-1.0.crate', 'tar.gz'], ['a.tar.bz2', 'tar.bz2'], ['a.tbz2', 'tar.bz2'],
    ['notes.gz', null], ['x.bz2', null], ['README', null], ['a.zip.txt', null], ['jar', null],
  ])('%s → %s', (p, kind) => {
    expect(archiveKind(p)).toBe(kind);
  });
});

describe('zip family', () => {
  it('lists and extracts a jar with nested directories and keeps a nested archive as a file', async () => {
    const dir = makeTempDir();
    const inner = buildZip([{ name: 'inner.txt', data: 'inside the inner zip' }]);
    const jar = write(dir, 'lib.jar', buildZip([
      { name: 'META-INF/', data: '' },
      { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n' },
      { name: 'META-INF/maven/org.example/lib/pom.properties', data: 'groupId=org.example\nartifactId=lib\nversion=1.0\n' },
      { name: 'org/example/Lib.class', data: Buffer.from([0xca, 0xfe, 0xba, 0xbe]), method: 0 },
      { name: 'nested/inner.zip', data: inner, method: 0 },
    ]));
    const entries = await listArchive(jar);
    expect(entries.map((e) => [e.path, e.type])).toEqual([
      ['META-INF/', 'directory'], ['META-INF/MANIFEST.MF', 'file'], ['META-INF/maven/org.example/lib/pom.properties', 'file'],
      ['org/example/Lib.class', 'file'], ['nested/inner.zip', 'file'],
    ]);
    expect(entries[1]!.size).toBe(22);

    const dest = path.join(dir, 'out');
    const result = await extractArchive(jar, dest);
    expect(result).toMatchObject({ ok: true, refusal: null, files: 4, archive: jar, kind: 'zip' });
    expect(readFileSync(path.join(dest, 'META-INF/maven/org.example/lib/pom.properties'), 'utf8')).toContain('artifactId=lib');
    expect(readFileSync(path.join(dest, 'nested/inner.zip')).equals(inner)).toBe(true);
    expect(existsSync(path.join(dest, 'nested/inner.txt'))).toBe(false);
  });

  it('refuses a zip-slip entry ("../") and leaves nothing behind', async () => {
    const dir = makeTempDir();
    const zip = write(dir, 'evil.zip', buildZip([{ name: 'ok.txt', data: 'fine' }, { name: '../../escaped.txt', data: 'pwned' }]));
    const dest = path.join(dir, 'out');
    const result = await extractArchive(zip, dest);
    expect(result.ok).toBe(false);
    expect(result.refusal).toContain(zip);
    expect(result.refusal).toMatch(/escape/);
    expect(existsSync(path.join(dir, 'escaped.txt'))).toBe(false);
    expect(existsSync(path.join(path.dirname(dir), 'escaped.txt'))).toBe(false);
    expect(existsSync(dest)).toBe(false);
    await expect(listArchive(zip)).rejects.toThrow(ArchiveError);
  });

  it('refuses an absolute entry path', async () => {
    const dir = makeTempDir();
    const zip = write(dir, 'abs.zip', buildZip([{ name: '/tmp/clearance-abs-escape.txt', data: 'x' }]));
    const result = await extractArchive(zip, path.join(dir, 'out'));
    expect(result.ok).toBe(false);
    expect(result.refusal).toMatch(/absolute path/);
    expect(existsSync('/tmp/clearance-abs-escape.txt')).toBe(false);
  });

  it('refuses a symlink entry pointing outside, and skips one pointing inside', async () => {
    const dir = makeTempDir();
    const out = write(dir, 'out-link.zip', buildZip([{ name: 'passwd', data: '/etc/passwd', unixMode: 0o120777 }]));
    const r1 = await extractArchive(out, path.join(dir, 'o1'));
    expect(r1.ok).toBe(false);
    expect(r1.refusal).toMatch(/symlink "passwd" points outside/);

    const inside = write(dir, 'in-link.zip', buildZip([
      { name: 'docs/LICENSE', data: 'MIT License' },
      { name: 'LICENSE', data: 'docs/LICENSE', unixMode: 0o120777 },
    ]));
    const dest = path.join(dir, 'o2');
    const r2 = await extractArchive(inside, dest);
    expect(r2.ok).toBe(true);
    expect(r2.skipped).toEqual([{ path: 'LICENSE', reason: 'symlink to "docs/LICENSE" not extracted' }]);
    expect(existsSync(path.join(dest, 'LICENSE'))).toBe(false);
  });

  it('refuses a deflate bomb by its ratio with the default limits', async () => {
    const dir = makeTempDir();
    const zip = write(dir, 'bomb.zip', buildZip([{ name: 'zeros.bin', data: Buffer.alloc(64 * MIB) }]));
    expect(readFileSync(zip).length).toBeLessThan(MIB);
    const dest = path.join(dir, 'out');
    const result = await extractArchive(zip, dest);
    expect(result.ok).toBe(false);
    expect(result.refusal).toContain(zip);
    expect(result.refusal).toMatch(/zip bomb/);
    expect(existsSync(dest)).toBe(false);
  });

  it('refuses by total size and by entry count', async () => {
    const dir = makeTempDir();
    const many = write(dir, 'many.zip', buildZip(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, data: 'x'.repeat(1000) }))));
    const bySize = await extractArchive(many, path.join(dir, 'a'), { maxTotalBytes: 10_000 });
    expect(bySize.refusal).toMatch(/more than/);
    const byCount = await extractArchive(many, path.join(dir, 'b'), { maxEntries: 10 });
    expect(byCount.refusal).toMatch(/more than 10 entries/);
    await expect(listArchive(many, { maxEntries: 10 })).rejects.toThrow(/more than 10 entries/);
  });

  it('stops an entry that inflates past the size its header declares', async () => {
    const dir = makeTempDir();
    const zip = write(dir, 'liar.zip', buildZip([{ name: 'small.txt', data: 'y'.repeat(100_000), declaredSize: 10 }]));
    const dest = path.join(dir, 'out');
    const result = await extractArchive(zip, dest);
    expect(result.ok).toBe(false);
    expect(result.refusal).toContain(zip);
    expect(existsSync(dest)).toBe(false);
  });

  it('reports a corrupt file, naming it', async () => {
    const dir = makeTempDir();
    const zip = write(dir, 'broken.whl', Buffer.from('PK\u0003\u0004 this is not really a zip'));
    const result = await extractArchive(zip, path.join(dir, 'out'));
    expect(result.ok).toBe(false);
    expect(result.refusal).toMatch(/broken\.whl: not a readable zip/);
    await expect(listArchive(zip)).rejects.toThrow(/broken\.whl/);
  });
});

describe('tar family', () => {
  const files = [
    { name: 'package/', type: 'directory' as const },
    { name: 'package/package.json', data: '{"name":"left-pad","version":"1.3.0","license":"WTFPL"}' },
    { name: 'package/LICENSE', data: 'DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE' },
  ];

  it('extracts an npm .tgz', async () => {
    const dir = makeTempDir();
    const tgz = write(dir, 'left-pad-1.3.0.tgz', await buildTarGz(files));
    const dest = path.join(dir, 'out');
    const result = await extractArchive(tgz, dest);
    expect(result).toMatchObject({ ok: true, files: 2, kind: 'tar.gz' });
    expect(tree(dest)).toEqual(['package', 'package/LICENSE', 'package/package.json']);
    expect((await listArchive(tgz)).map((e) => e.path)).toEqual(['package/', 'package/package.json', 'package/LICENSE']);
  });

  it('extracts a plain tar', async () => {
    const dir = makeTempDir();
    const t = write(dir, 'src.tar', await buildTar(files));
    const result = await extractArchive(t, path.join(dir, 'out'));
    expect(result.ok).toBe(true);
    expect(readFileSync(path.join(dir, 'out/package/LICENSE'), 'utf8')).toMatch(/PUBLIC LICENSE/);
  });

  it.skipIf(!hasBzip2)('extracts a tar.bz2 (made with the bzip2 command)', async () => {
    const dir = makeTempDir();
    const t = write(dir, 'src.tar', await buildTar(files));
    execFileSync('bzip2', ['-k', t]);
    const result = await extractArchive(`${t}.bz2`, path.join(dir, 'out'));
    expect(result).toMatchObject({ ok: true, files: 2, kind: 'tar.bz2' });
    expect(readFileSync(path.join(dir, 'out/package/package.json'), 'utf8')).toContain('left-pad');
  });

  it('extracts the files of a .gem (data.tar.gz inside a tar) and its specification (metadata.gz)', async () => {
    const dir = makeTempDir();
    const data = await buildTarGz([
      { name: 'lib/rake.rb', data: 'module Rake; end' },
      { name: 'MIT-LICENSE', data: 'Permission is hereby granted, free of charge' },
    ]);
    const gem = write(dir, 'rake-13.0.6.gem', await buildTar([
      { name: 'metadata.gz', data: gzipSync('--- !ruby/object:Gem::Specification\nname: rake\n') },
      { name: 'data.tar.gz', data },
      { name: 'checksums.yaml.gz', data: gzipSync('---\n') },
    ]));
    const dest = path.join(dir, 'out');
    const result = await extractArchive(gem, dest);
    expect(result).toMatchObject({ ok: true, files: 3, kind: 'gem' });
    // metadata.gz (the gem's YAML specification) is unpacked beside the files as `metadata`, for the package reader.
    expect(tree(dest)).toEqual(['MIT-LICENSE', 'lib', 'lib/rake.rb', 'metadata']);
    expect(readFileSync(path.join(dest, 'metadata'), 'utf8')).toBe('--- !ruby/object:Gem::Specification\nname: rake\n');
    expect((await listArchive(gem)).map((e) => e.path)).toEqual(['lib/rake.rb', 'MIT-LICENSE']);
  });

  it('refuses "../" and absolute names', async () => {
    const dir = makeTempDir();
    for (const name of ['../../evil.sh', '/etc/cron.d/evil', 'a/../../evil']) {
      const t = write(dir, 'evil.tar.gz', await buildTarGz([{ name: 'ok.txt', data: 'ok' }, { name, data: 'evil' }]));
      const dest = path.join(dir, 'out');
      const result = await extractArchive(t, dest);
      expect(result.ok, name).toBe(false);
      expect(result.refusal).toMatch(/escape/);
      expect(existsSync(dest)).toBe(false);
    }
    expect(existsSync(path.join(path.dirname(dir), 'evil.sh'))).toBe(false);
  });

  it('refuses symlinks and hard links pointing outside; skips devices and links inside', async () => {
    const dir = makeTempDir();
    const out1 = write(dir, 'l1.tar', await buildTar([{ name: 'etc', type: 'symlink', linkname: '/etc' }, { name: 'etc/passwd', data: 'x' }]));
    expect((await extractArchive(out1, path.join(dir, 'o1'))).refusal).toMatch(/symlink "etc" points outside/);
    const out2 = write(dir, 'l2.tar', await buildTar([{ name: 'up', type: 'symlink', linkname: '../../..' }]));
    expect((await extractArchive(out2, path.join(dir, 'o2'))).refusal).toMatch(/points outside/);
    const out3 = write(dir, 'l3.tar', await buildTar([{ name: 'hl', type: 'link', linkname: '../outside' }]));
    expect((await extractArchive(out3, path.join(dir, 'o3'))).refusal).toMatch(/hardlink "hl" points outside/);

    const fine = write(dir, 'fine.tar', await buildTar([
      { name: 'COPYING', data: 'GPL text' },
      { name: 'LICENSE', type: 'symlink', linkname: 'COPYING' },
      { name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3 },
      { name: 'pipe', type: 'fifo' },
    ]));
    const dest = path.join(dir, 'o4');
    const result = await extractArchive(fine, dest);
    expect(result.ok).toBe(true);
    expect(result.skipped.map((s) => s.path)).toEqual(['LICENSE', 'dev/null', 'pipe']);
    expect(tree(dest)).toEqual(['COPYING']);
  });

  it('refuses a gzip bomb while it inflates', async () => {
    const dir = makeTempDir();
    const t = write(dir, 'bomb.tar.gz', await buildTarGz([{ name: 'zeros', data: Buffer.alloc(64 * MIB) }]));
    expect(readFileSync(t).length).toBeLessThan(MIB);
    const dest = path.join(dir, 'out');
    const result = await extractArchive(t, dest);
    expect(result.ok).toBe(false);
    expect(result.refusal).toMatch(/bomb\.tar\.gz: compression ratio above 200:1/);
    expect(existsSync(dest)).toBe(false);
    await expect(listArchive(t)).rejects.toThrow(/compression ratio/);
  });

  it('refuses a file over the per-file limit', async () => {
    const dir = makeTempDir();
    const t = write(dir, 'big.tar', await buildTar([{ name: 'big.bin', data: Buffer.alloc(2 * MIB, 1) }]));
    const result = await extractArchive(t, path.join(dir, 'out'), { maxEntryBytes: MIB });
    expect(result.refusal).toMatch(/"big\.bin" is 2\.0 MiB, over the 1\.0 MiB limit/);
  });

  it('reports truncated and non-gzip input naming the archive', async () => {
    const dir = makeTempDir();
    const full = await buildTarGz(files);
    const cutShort = write(dir, 'cut.tgz', full.subarray(0, Math.floor(full.length / 2)));
    const r1 = await extractArchive(cutShort, path.join(dir, 'o1'));
    expect(r1.ok).toBe(false);
    expect(r1.refusal).toMatch(/cut\.tgz/);
    const notGzip = write(dir, 'plain.tar.gz', Buffer.from('hello, not gzip at all'));
    const r2 = await extractArchive(notGzip, path.join(dir, 'o2'));
    expect(r2.ok).toBe(false);
    expect(r2.refusal).toMatch(/plain\.tar\.gz: cannot be read/);
  });

  it('does not remove files that were in the destination before', async () => {
    const dir = makeTempDir();
    const dest = path.join(dir, 'out');
    execFileSync('mkdir', ['-p', dest]);
    writeFileSync(path.join(dest, 'keep.txt'), 'mine');
    const t = write(dir, 'evil.tar', await buildTar([{ name: 'new.txt', data: 'x' }, { name: '../x', data: 'y' }]));
    const result = await extractArchive(t, dest);
    expect(result.ok).toBe(false);
    expect(tree(dest)).toEqual(['keep.txt']);
  });
});
