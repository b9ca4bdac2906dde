import type { ApiEventMessage } from '../../../shared/api/contract';
import type { ApiEnvelope } from '../../../shared/api/errors';

/** How the client reaches the main process: Electron IPC or loopback HTTP. Chosen once at start-up. */
export interface Transport {
  invoke(method: string, params: unknown): Promise<ApiEnvelope<unknown>>;
  subscribe(listener: (message: ApiEventMessage) => void): () => void;
}
