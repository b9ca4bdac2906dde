import type { ApiEventName, ApiEvents, ApiMethod, ApiParams, ApiResult } from '../../../shared/api/contract';
import type { AppErrorCode } from '../../../shared/api/errors';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';

export class ApiError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function tokenFromPage(): string {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    // Keep the token for reloads of this tab only, and take it out of the address bar.
    sessionStorage.setItem('clearance-token', fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem('clearance-token') ?? '';
}

function chooseTransport(): Transport {
  if (window.auditApi) return ipcTransport(window.auditApi);
  return httpTransport(window.location.origin, tokenFromPage());
}

const transport = chooseTransport();

type ParamsArg<M extends ApiMethod> = undefined extends ApiParams<M> ? [params?: ApiParams<M>] : [params: ApiParams<M>];

/** Calls one API method; resolves with its result or throws an ApiError with the error code. */
export async function invoke<M extends ApiMethod>(method: M, ...args: ParamsArg<M>): Promise<ApiResult<M>> {
  const envelope = await transport.invoke(method, args[0]);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
  return envelope.value as ApiResult<M>;
}

export function onEvent<E extends ApiEventName>(name: E, listener: (payload: ApiEvents[E]) => void): () => void {
  return transport.subscribe((message) => {
    if (message.name === name) listener(message.payload as ApiEvents[E]);
  });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
