/** What a key does in the Findings view (triage). One table feeds both the key handler and the `?` sheet. */
export type TriageAction =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'open'
  | 'open-component'
  | 'approve'
  | 'reject'
  | 'legal'
  | 'not-applicable'
  | 'edit-license'
  | 'undo'
  | 'toggle-select'
  | 'toggle-group'
  | 'focus-search'
  | 'help';

export interface Shortcut {
  /** Key names as KeyboardEvent.key gives them; `Mod+` means Ctrl (or ⌘ on macOS). */
  keys: string[];
  action: TriageAction;
  description: string;
  group: 'Move' | 'Decide' | 'Other';
}

export const triageShortcuts: readonly Shortcut[] = [
  { keys: ['j', 'ArrowDown'], action: 'next', description: 'Next row', group: 'Move' },
  { keys: ['k', 'ArrowUp'], action: 'previous', description: 'Previous row', group: 'Move' },
  { keys: ['Home'], action: 'first', description: 'First row', group: 'Move' },
  { keys: ['End'], action: 'last', description: 'Last loaded row', group: 'Move' },
  { keys: ['Enter'], action: 'open', description: 'Open the evidence (file viewer), or the component of a group row', group: 'Move' },
  { keys: ['o'], action: 'open-component', description: 'Open the component page', group: 'Move' },
  { keys: ['a'], action: 'approve', description: 'Approve', group: 'Decide' },
  { keys: ['r'], action: 'reject', description: 'Reject (asks for a rationale)', group: 'Decide' },
  { keys: ['l'], action: 'legal', description: 'Send to legal review (asks for a rationale)', group: 'Decide' },
  { keys: ['n'], action: 'not-applicable', description: 'Not applicable (asks for a rationale)', group: 'Decide' },
  { keys: ['e'], action: 'edit-license', description: 'Edit the concluded license', group: 'Decide' },
  { keys: ['u', 'Mod+z'], action: 'undo', description: 'Undo the last decision (records a new one that restores the previous)', group: 'Decide' },
  { keys: ['x', ' '], action: 'toggle-select', description: 'Select or unselect the row (for bulk decisions)', group: 'Other' },
  { keys: ['g'], action: 'toggle-group', description: 'Collapse or expand the group of the row', group: 'Other' },
  { keys: ['/'], action: 'focus-search', description: 'Search', group: 'Other' },
  { keys: ['?'], action: 'help', description: 'Show this sheet', group: 'Other' },
];

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const byKey = new Map<string, TriageAction>(triageShortcuts.flatMap((s) => s.keys.map((k) => [k, s.action] as const)));

/** The action for a key press, or null. Plain keys only: with Ctrl, ⌘ or Alt held only `Mod+z` counts. */
export function actionForKey(event: KeyLike): TriageAction | null {
  if (event.altKey) return null;
  if (event.ctrlKey || event.metaKey) return event.key.toLowerCase() === 'z' ? byKey.get('Mod+z') ?? null : null;
  return byKey.get(event.key) ?? null;
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
  closest?: (selector: string) => unknown;
}

const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** True while the user types into a field or works inside a dialog: shortcuts must not fire then. */
export function isTypingTarget(target: TargetLike | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !nonTextInputs.has((target.type ?? 'text').toLowerCase());
  return Boolean(target.closest?.('dialog[open], [role="dialog"]'));
}

/** "Mod+z" → "Ctrl+Z" (or "⌘Z" on macOS), "ArrowDown" → "↓", " " → "Space": how the sheet shows a key. */
export function keyLabel(key: string, mac: boolean): string {
  if (key === 'Mod+z') return mac ? '⌘Z' : 'Ctrl+Z';
  const names: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', ' ': 'Space' };
  return names[key] ?? key;
}
