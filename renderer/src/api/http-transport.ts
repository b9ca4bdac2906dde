import type { ApiEventMessage } from '../../../shared/api/contract';
import type { ApiEnvelope } from '../../../shared/api/errors';
import type { Transport } from './transport';

/**
 * Browser mode: POST /api/<method> and an event stream from GET /api/events, both with the bearer token.
 * The stream is read with fetch (EventSource cannot send an Authorization header) and reconnects after drops.
 */
export function httpTransport(baseUrl: string, token: string): Transport {
  const listeners = new Set<(message: ApiEventMessage) => void>();
  let streaming = false;

  async function stream(): Promise<void> {
    for (;;) {
      try {
        const response = await fetch(`${baseUrl}/api/events`, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let boundary;
          while ((boundary = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            let name = '';
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) name = line.slice(7);
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (name && data) {
              const message = { name, payload: JSON.parse(data) } as ApiEventMessage;
              for (const listener of listeners) listener(message);
            }
          }
        }
      } catch {
        // server restarting or connection dropped: retry below
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  return {
    async invoke(method, params) {
      const response = await fetch(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(params ?? {}),
      });
      if (response.status === 401) {
        return { ok: false, error: { code: 'bad-request', message: 'this page has no valid access token; open the URL printed by "clearance serve"' } };
      }
      return (await response.json()) as ApiEnvelope<unknown>;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      return () => listeners.delete(listener);
    },
  };
}
