import type { WebContents } from 'electron';

/** IPC is accepted only from the web contents of windows we created (GitHub Desktop's trusted-sender check). */
const trusted = new Set<number>();

export function trustSender(contents: WebContents): void {
  trusted.add(contents.id);
  contents.once('destroyed', () => trusted.delete(contents.id));
}

export function isTrustedSender(contents: WebContents): boolean {
  return trusted.has(contents.id);
}

export function trustedIds(): number[] {
  return [...trusted];
}
