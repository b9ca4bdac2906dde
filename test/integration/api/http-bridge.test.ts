import { describe, expect, it } from 'vitest';
import { startHttpBridge, type HttpBridge } from '../../../electron/main/host/http-bridge.js';
import { makeTestContext } from '../../helpers/test-context.js';
import { request } from 'node:http';

function raw(bridge: HttpBridge, init: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path: init.path, method: init.method ?? 'POST', headers: init.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body ?? '');
  });
}

describe('the loopback HTTP bridge', () => {
  it('binds to 127.0.0.1 on a random port and answers 401 without the token, 200 with it', async () => {
    const bridge = await startHttpBridge(makeTestContext());
    try {
      expect(bridge.server.address()).toMatchObject({ address: '127.0.0.1' });
      expect(bridge.port).toBeGreaterThan(0);
      expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
      const host = `127.0.0.1:${bridge.port}`;
      expect((await raw(bridge, { path: '/api/projects.list', headers: { host } })).status).toBe(401);
      expect((await raw(bridge, { path: '/api/projects.list', headers: { host, authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await raw(bridge, { path: '/api/projects.list', headers: { host, authorization: `Bearer ${bridge.token}` } });
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });
    } finally {
      await bridge.close();
    }
  });

  it('uses a different token on every launch', async () => {
    const ctx = makeTestContext();
    const a = await startHttpBridge(ctx);
    const b = await startHttpBridge(ctx);
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(40);
    await a.close();
    await b.close();
  });

  it('refuses foreign Host and Origin headers even with the token (DNS rebinding, cross-site requests)', async () => {
    const bridge = await startHttpBridge(makeTestContext());
    try {
      const auth = `Bearer ${bridge.token}`;
      expect((await raw(bridge, { path: '/api/projects.list', headers: { host: `evil.example:${bridge.port}`, authorization: auth } })).status).toBe(403);
      expect(
        (await raw(bridge, { path: '/api/projects.list', headers: { host: `127.0.0.1:${bridge.port}`, origin: 'http://evil.example', authorization: auth } })).status,
      ).toBe(403);
      expect(
        (await raw(bridge, { path: '/api/projects.list', headers: { host: `localhost:${bridge.port}`, origin: `http://localhost:${bridge.port}`, authorization: auth } })).status,
      ).toBe(200);
    } finally {
      await bridge.close();
    }
  });

  it('answers a malformed body with 400 and an unknown method with a not-found envelope', async () => {
    const bridge = await startHttpBridge(makeTestContext());
    try {
      const headers = { host: `127.0.0.1:${bridge.port}`, authorization: `Bearer ${bridge.token}` };
      expect((await raw(bridge, { path: '/api/projects.list', headers, body: '{not json' })).status).toBe(400);
      const unknown = await raw(bridge, { path: '/api/projects.explode', headers, body: '{}' });
      expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect((await raw(bridge, { path: '/api/projects.list', method: 'GET', headers })).status).toBe(405);
    } finally {
      await bridge.close();
    }
  });

  it('streams events to authorised listeners only', async () => {
    const ctx = makeTestContext();
    const bridge = await startHttpBridge(ctx);
    try {
      const denied = await fetch(`http://127.0.0.1:${bridge.port}/api/events`);
      expect(denied.status).toBe(401);
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${bridge.port}/api/events`, { headers: { authorization: `Bearer ${bridge.token}` }, signal: controller.signal });
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      await reader.read(); // ": connected"
      ctx.events.emit('data.changed', { topics: ['projects'] });
      let text = '';
      while (!text.includes('\n\n', text.indexOf('event:'))) text += (await reader.read()).value ?? '';
      expect(text).toContain('event: data.changed\ndata: {"topics":["projects"]}');
      controller.abort();
    } finally {
      await bridge.close();
    }
  });

  it('serves static files only from the app folder, with a strict Content-Security-Policy', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { makeTempDir } = await import('../../helpers/temp-dir.js');
    const dir = makeTempDir();
    mkdirSync(`${dir}/assets`);
    writeFileSync(`${dir}/index.html`, '<!doctype html><title>t</title>');
    writeFileSync(`${dir}/assets/app.js`, 'console.log(1)');
    const bridge = await startHttpBridge(makeTestContext(), { staticDir: dir });
    try {
      const host = `127.0.0.1:${bridge.port}`;
      const index = await raw(bridge, { path: '/', method: 'GET', headers: { host } });
      expect(index.status).toBe(200);
      expect(index.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
      expect((await raw(bridge, { path: '/assets/app.js', method: 'GET', headers: { host } })).body).toBe('console.log(1)');
      const escape = await raw(bridge, { path: '/..%2f..%2fetc%2fpasswd', method: 'GET', headers: { host } });
      expect(escape.body).not.toContain('root:');
    } finally {
      await bridge.close();
    }
  });
});
