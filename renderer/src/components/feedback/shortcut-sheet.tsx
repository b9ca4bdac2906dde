import { keyLabel, triageShortcuts, type Shortcut } from '../../lib/shortcuts';
import { ModalDialog } from './modal-dialog';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const groups: Shortcut['group'][] = ['Move', 'Decide', 'Other'];

/** Every keyboard shortcut of the triage, from the same table the key handler uses. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  return (
    <ModalDialog label="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <p className="muted">In the Findings view. Keys do nothing while you type in a field.</p>
      {groups.map((group) => (
        <section key={group}>
          <h3>{group}</h3>
          <dl className="shortcuts">
            {triageShortcuts
              .filter((s) => s.group === group)
              .map((s) => (
                <div key={s.action}>
                  <dt>
                    {s.keys.map((k) => (
                      <kbd key={k}>{keyLabel(k, mac)}</kbd>
                    ))}
                  </dt>
                  <dd>{s.description}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
      <p className="muted small">
        Decisions are never deleted: undo records a new decision that supersedes the undone one and restores the one before it. A first decision on a
        subject cannot be undone to "undecided"; record another decision instead.
      </p>
      <form method="dialog" className="dialog-actions">
        <button type="submit" autoFocus data-autofocus="true">
          Close
        </button>
      </form>
    </ModalDialog>
  );
}
