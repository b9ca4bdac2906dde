import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AppContext } from '../app-context.js';
import { dispatch } from '../api/dispatch.js';
import { contentSecurityPolicy } from './content-security-policy.js';

const maxBodyBytes = 16 * 1024 * 1024;
const heartbeatMs = 15_000;

const mediaTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HttpBridge {
  server: Server;
  port: number;
  token: string;
  /** Open this in a browser: the token travels in the fragment, which is never sent to a server or logged. */
  url: string;
  close(): Promise<void>;
}

export interface HttpBridgeOptions {
  port?: number;
  /** The built renderer; when absent, only the API is served. */
  staticDir?: string | null;
  token?: string;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error(`request body larger than ${maxBodyBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The loopback HTTP transport: `POST /api/<method>` with a JSON body answers the same envelope as IPC, and
 * `GET /api/events` streams the same events as Server-Sent Events. Bound to 127.0.0.1 only; every API request
 * needs `Authorization: Bearer <per-launch token>`; Host and Origin must name this server (no DNS rebinding,
 * no cross-site requests). The built renderer is served as static files with a strict CSP.
 */
export function startHttpBridge(ctx: AppContext, options: HttpBridgeOptions = {}): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const staticDir = options.staticDir && existsSync(path.join(options.staticDir, 'index.html')) ? path.resolve(options.staticDir) : null;
  let port = 0;
  const streams = new Set<ServerResponse>();

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: (error as Error).message } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(req.headers.host ?? '')) {
      send(res, 403, { ok: false, error: { code: 'bad-request', message: 'unexpected Host header' } });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      send(res, 403, { ok: false, error: { code: 'bad-request', message: 'cross-origin requests are refused' } });
      return;
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const auth = req.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!sameToken(given, token)) {
        send(res, 401, { ok: false, error: { code: 'bad-request', message: 'missing or wrong bearer token' } }, { 'www-authenticate': 'Bearer' });
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        openEventStream(res);
        return;
      }
      if (req.method !== 'POST') {
        send(res, 405, { ok: false, error: { code: 'bad-request', message: 'use POST /api/<method>' } }, { allow: 'POST' });
        return;
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      let params: unknown;
      try {
        const body = await readBody(req);
        params = body.trim() === '' ? undefined : JSON.parse(body);
      } catch (error) {
        send(res, 400, { ok: false, error: { code: 'bad-request', message: `invalid JSON body: ${(error as Error).message}` } });
        return;
      }
      send(res, 200, await dispatch(ctx, method, params));
      return;
    }
    serveStatic(url.pathname, req, res);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = ctx.events.subscribe((message) => {
      res.write(`event: ${message.name}\ndata: ${JSON.stringify(message.payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  function serveStatic(pathname: string, req: IncomingMessage, res: ServerResponse): void {
    if (!staticDir) {
      send(res, 404, { ok: false, error: { code: 'not-found', message: 'the renderer is not built (npm run build)' } });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { ok: false, error: { code: 'bad-request', message: 'method not allowed' } });
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      send(res, 400, { ok: false, error: { code: 'bad-request', message: 'bad path' } });
      return;
    }
    let file = path.resolve(staticDir, relative || 'index.html');
    if (!file.startsWith(staticDir + path.sep) && file !== staticDir) {
      send(res, 403, { ok: false, error: { code: 'bad-request', message: 'path outside the app' } });
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) file = path.join(staticDir, 'index.html');
    res.writeHead(200, {
      'content-type': mediaTypes[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': path.basename(file) === 'index.html' ? 'no-store' : 'max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            for (const stream of streams) stream.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
