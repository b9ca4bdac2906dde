import type { AuditApiBridge } from '../../../shared/api/contract';
import type { ApiEnvelope } from '../../../shared/api/errors';
import type { Transport } from './transport';

export function ipcTransport(bridge: AuditApiBridge): Transport {
  return {
    invoke: async (method, params) => (await bridge.invoke(method, params)) as ApiEnvelope<unknown>,
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
