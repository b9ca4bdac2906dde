import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../electron/main/engine/5-review/canonical-json.js';
import { fingerprintOf, generateReviewerKey, signBytes, unsealKey, verifyBytes } from '../../../../electron/main/engine/5-review/reviewer-keys.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';

const has = (tool: string, args: string[]) => spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
const hasJq = has('jq', ['--version']);
const hasOpenssl = has('openssl', ['version']);

const awkward = {
  zeta: 'tab\there, quote " backslash \\ newline\n, DEL \u007f, NUL-ish \u0001, é, emoji 😀, line sep \u2028',
  alpha: [3, -1, { y: null, x: true }],
  Beta: { nested: { b: 'b', a: 'a' } },
};

describe('canonical JSON', () => {
  it('sorts keys at every level and rejects what it cannot represent exactly', () => {
    expect(canonicalJson({ b: 1, a: { d: [], c: null } })).toBe('{"a":{"c":null,"d":[]},"b":1}');
    expect(() => canonicalJson({ x: 1.5 })).toThrow(/integers only/);
    expect(() => canonicalJson({ x: '\ud800' })).toThrow(/lone surrogate/);
  });

  it.skipIf(!hasJq)('is byte for byte what `jq -cSj .` prints (skipped: jq not installed)', () => {
    const file = path.join(makeTempDir(), 'value.json');
    writeFileSync(file, JSON.stringify(awkward, null, 2));
    expect(execFileSync('jq', ['-cSj', '.', file], { encoding: 'utf8' })).toBe(canonicalJson(awkward));
  });
});

describe('reviewer keys', () => {
  it('seal the private key under the passphrase and refuse a wrong one with a clear error', () => {
    const key = generateReviewerKey('right passphrase');
    const sealed = JSON.stringify(key.sealed);
    expect(sealed).not.toContain(key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().split('\n')[1]!);
    const opened = unsealKey(sealed, 'right passphrase', 'Ann');
    const signature = signBytes(opened, Buffer.from('hello'));
    expect(verifyBytes(key.publicKeyPem, Buffer.from('hello'), signature)).toBe(true);
    expect(verifyBytes(key.publicKeyPem, Buffer.from('hellO'), signature)).toBe(false);
    expect(() => unsealKey(sealed, 'wrong passphrase', 'Ann')).toThrow('wrong passphrase for the reviewer key of Ann');
    expect(() => unsealKey('{not json', 'x', 'Ann')).toThrow(/stored key of Ann is unreadable/);
    expect(() => generateReviewerKey('short')).toThrow(/at least 8 characters/);
  });

  it.skipIf(!hasOpenssl)('sign what `openssl pkeyutl -verify -rawin` accepts, and fingerprint as openssl does (skipped: no openssl)', () => {
    const dir = makeTempDir();
    const key = generateReviewerKey('right passphrase');
    const message = canonicalJson(awkward);
    writeFileSync(path.join(dir, 'key.pem'), key.publicKeyPem);
    writeFileSync(path.join(dir, 'body.json'), message);
    writeFileSync(path.join(dir, 'body.sig'), Buffer.from(signBytes(key.privateKey, Buffer.from(message)), 'base64'));
    const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'key.pem', '-rawin', '-in', 'body.json', '-sigfile', 'body.sig'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(out).toMatch(/Signature Verified Successfully/);
    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', 'key.pem', '-outform', 'DER'], { cwd: dir });
    expect(createHash('sha256').update(der).digest('hex')).toBe(fingerprintOf(key.publicKeyPem));
  });
});
