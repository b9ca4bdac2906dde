import { describe, expect, it } from 'vitest';
import { actionForKey, isTypingTarget, keyLabel, triageShortcuts } from '../../../renderer/src/lib/shortcuts';

describe('triage shortcuts', () => {
  it('maps the single keys the issue names to their actions', () => {
    expect(actionForKey({ key: 'j' })).toBe('next');
    expect(actionForKey({ key: 'k' })).toBe('previous');
    expect(actionForKey({ key: 'ArrowDown' })).toBe('next');
    expect(actionForKey({ key: 'Enter' })).toBe('open');
    expect(actionForKey({ key: 'a' })).toBe('approve');
    expect(actionForKey({ key: 'r' })).toBe('reject');
    expect(actionForKey({ key: 'l' })).toBe('legal');
    expect(actionForKey({ key: 'e' })).toBe('edit-license');
    expect(actionForKey({ key: 'u' })).toBe('undo');
    expect(actionForKey({ key: '?' })).toBe('help');
    expect(actionForKey({ key: ' ' })).toBe('toggle-select');
  });

  it('ignores keys held with a modifier, except Ctrl/⌘+Z for undo', () => {
    expect(actionForKey({ key: 'a', ctrlKey: true })).toBeNull();
    expect(actionForKey({ key: 'r', metaKey: true })).toBeNull();
    expect(actionForKey({ key: 'j', altKey: true })).toBeNull();
    expect(actionForKey({ key: 'z', ctrlKey: true })).toBe('undo');
    expect(actionForKey({ key: 'Z', metaKey: true })).toBe('undo');
    expect(actionForKey({ key: 'z' })).toBeNull();
    // Caps: "A" is not "a" (Shift+A must not approve by accident).
    expect(actionForKey({ key: 'A' })).toBeNull();
  });

  it('binds every key to exactly one action', () => {
    const keys = triageShortcuts.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not fire while the user types in a field or works in a dialog', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON', closest: (s) => (s.includes('dialog') ? {} : null) })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox', closest: () => null })).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', closest: () => null })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('labels keys for the sheet per platform', () => {
    expect(keyLabel('Mod+z', true)).toBe('⌘Z');
    expect(keyLabel('Mod+z', false)).toBe('Ctrl+Z');
    expect(keyLabel(' ', false)).toBe('Space');
    expect(keyLabel('a', false)).toBe('a');
  });
});
