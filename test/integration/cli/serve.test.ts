import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runClearance } from '../../helpers/cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

function startServe(db: string): Promise<{ child: ChildProcess; url: URL; token: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'clearance.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)/.exec(output);
      if (match) resolve({ child, url: new URL(match[1]!), token: match[2]! });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
}

describe('clearance serve', () => {
  it('serves the real UI and the API on 127.0.0.1: 401 without the token, 200 with it', async () => {
    const db = path.join(makeTempDir(), 'ws.sqlite');
    const { child, url, token } = await startServe(db);
    try {
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await page.text()).toContain('<div id="root"></div>');
      expect((await fetch(new URL('/api/projects.list', url), { method: 'POST' })).status).toBe(401);
      const ok = await fetch(new URL('/api/projects.list', url), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ ok: true, value: [] });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('refuses a second interactive session on the same workspace, naming the holder, and releases the lock on exit', async () => {
    const db = path.join(makeTempDir(), 'ws.sqlite');
    const first = await startServe(db);
    const second = runClearance(['serve', '--db', db, '--port', '0']);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`${db}: already open in another Clearance session (clearance serve, pid ${first.child.pid}`);
    const exit = new Promise<number | null>((r) => first.child.once('exit', r));
    first.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('rejects a bad --port with exit status 2', () => {
    const result = runClearance(['serve', '--db', path.join(makeTempDir(), 'ws.sqlite'), '--port', 'http']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port must be a number from 0 to 65535');
  });
});
