import { create } from 'zustand';
import type { ReviewerInfo } from '../../../shared/api/review-contract';
import { ApiError, errorMessage, invoke } from '../api/api-client';

/** Why the app has to ask the reviewer before a decision can be signed. */
export type ReviewerNeed = 'identity' | 'passphrase';

interface Prompt {
  need: ReviewerNeed;
  message: string | null;
  resolve(ready: boolean): void;
}

interface ReviewerState {
  info: ReviewerInfo | null;
  error: string | null;
  prompt: Prompt | null;
  load(): Promise<void>;
  /** Name and email, then (when given) the passphrase that unlocks, or creates, the signing key. */
  setIdentity(name: string, email: string): Promise<ReviewerInfo>;
  unlock(passphrase: string): Promise<ReviewerInfo>;
  /**
   * Runs a call that signs a decision. When the service says who is deciding is unknown or the key is locked,
   * asks the reviewer (the dialog in the app frame) and tries once more.
   */
  withReviewer<T>(call: () => Promise<T>): Promise<T>;
  closePrompt(ready: boolean): void;
}

function needOf(error: unknown): ReviewerNeed | null {
  if (!(error instanceof ApiError) || error.code !== 'bad-request') return null;
  const reason = (error.details as { reason?: string } | undefined)?.reason;
  return reason === 'reviewer-required' ? 'identity' : reason === 'passphrase-required' ? 'passphrase' : null;
}

export const useReviewerStore = create<ReviewerState>((set, get) => ({
  info: null,
  error: null,
  prompt: null,
  async load() {
    try {
      set({ info: await invoke('reviewer.get'), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async setIdentity(name, email) {
    const info = await invoke('reviewer.set', { name, email });
    set({ info });
    return info;
  },
  async unlock(passphrase) {
    const info = await invoke('reviewer.unlock', { passphrase });
    set({ info });
    return info;
  },
  async withReviewer<T>(call: () => Promise<T>): Promise<T> {
    const ask = (need: ReviewerNeed, message: string | null) =>
      new Promise<boolean>((resolve) => set({ prompt: { need, message, resolve } }));
    let info = get().info;
    if (!info) {
      await get().load();
      info = get().info;
    }
    // Ask up front when we already know: the first decision of a new reviewer. A locked key is left to the
    // service, which may have a passphrase from its environment (CLEARANCE_PASSPHRASE).
    if (info && info.name === null) {
      if (!(await ask('identity', null))) throw new ApiError('cancelled', 'No decision was recorded: the reviewer was not confirmed.');
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const need = needOf(error);
        if (!need || attempt >= 2) throw error;
        if (!(await ask(need, errorMessage(error)))) throw new ApiError('cancelled', 'No decision was recorded: the reviewer was not confirmed.');
      }
    }
  },
  closePrompt(ready) {
    const prompt = get().prompt;
    set({ prompt: null });
    prompt?.resolve(ready);
  },
}));
