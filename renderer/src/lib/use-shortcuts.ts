import { useEffect, useRef } from 'react';
import { actionForKey, isTypingTarget, type TriageAction } from './shortcuts';

/**
 * Calls `handler` for triage keys pressed anywhere in the window, except while typing in a field or while a
 * dialog is open. The handler returns false for actions it does not take, leaving the key to the browser.
 */
export function useShortcuts(handler: (action: TriageAction) => boolean, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTypingTarget(event.target as HTMLElement | null)) return;
      if (document.querySelector('dialog[open]')) return;
      // Enter and Space on a link, button or checkbox keep their own meaning.
      if ((event.key === 'Enter' || event.key === ' ') && (event.target as HTMLElement | null)?.closest?.('a, button, input, select, summary')) return;
      const action = actionForKey(event);
      if (action && latest.current(action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
