import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog>: focus stays inside, Escape closes it (through `onClose`), the page behind is inert.
 * showModal() moves the focus itself, after React's autoFocus ran: the field marked data-autofocus gets it back.
 */
export function ModalDialog({ label, onClose, children, wide }: { label: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus="true"]')?.focus();
    }
  }, []);
  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog-wide' : ''}`} aria-label={label} onClose={onClose}>
      {children}
    </dialog>
  );
}
