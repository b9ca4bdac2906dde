import type { ApiEventMessage, ApiEventName, ApiEvents } from '../../../shared/api/contract.js';

type Listener = (message: ApiEventMessage) => void;

/** Main-side fan-out of API events to every transport (IPC windows, HTTP event streams, the CLI). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends ApiEventName>(name: E, payload: ApiEvents[E]): void {
    const message = { name, payload } as ApiEventMessage;
    for (const listener of this.listeners) listener(message);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
