import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/api-client';
import { ModalDialog } from '../../components/feedback/modal-dialog';
import { useReviewerStore } from '../../stores/reviewer-store';

/**
 * Asked for on the first decision (or when the signing key is locked): who decides, and the passphrase that
 * seals the reviewer's Ed25519 key. Every decision is signed with that key (docs/decisions.md).
 */
export function ReviewerDialog() {
  const prompt = useReviewerStore((s) => s.prompt);
  return prompt ? <ReviewerPrompt key={prompt.need + (prompt.message ?? '')} /> : null;
}

function ReviewerPrompt() {
  const prompt = useReviewerStore((s) => s.prompt)!;
  const info = useReviewerStore((s) => s.info);
  const { setIdentity, unlock, closePrompt } = useReviewerStore();
  const [name, setName] = useState(info?.name ?? '');
  const [email, setEmail] = useState(info?.email ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const askIdentity = prompt.need === 'identity';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (askIdentity && (!name.trim() || !email.trim())) return setError('Enter your name and email: they are signed into every decision.');
    if (!askIdentity && !passphrase) return setError('Enter the passphrase of your signing key.');
    setBusy(true);
    setError(null);
    try {
      if (askIdentity) await setIdentity(name.trim(), email.trim());
      if (passphrase) await unlock(passphrase);
      closePrompt(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const keyExists = info?.keyStatus === 'locked' || info?.keyStatus === 'unlocked';
  return (
    <ModalDialog label="Reviewer" onClose={() => closePrompt(false)}>
      <form onSubmit={(e) => void submit(e)}>
        <h2>{askIdentity ? 'Who is deciding?' : 'Unlock your signing key'}</h2>
        {prompt.message && <p className="muted">{prompt.message}</p>}
        {askIdentity && (
          <>
            <label htmlFor="reviewer-name">Name</label>
            <input id="reviewer-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" autoFocus data-autofocus="true" />
            <label htmlFor="reviewer-email">Email</label>
            <input id="reviewer-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
          </>
        )}
        <label htmlFor="reviewer-passphrase">{keyExists ? 'Passphrase of your signing key' : 'Passphrase for your new signing key'}</label>
        <input id="reviewer-passphrase" type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoFocus={!askIdentity} data-autofocus={!askIdentity} />
        <p className="muted">
          {keyExists
            ? 'The key stays unlocked until the app closes.'
            : 'Decisions are signed with a key made for you now and sealed with this passphrase. Leave it empty only if the engine has one (CLEARANCE_PASSPHRASE).'}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => closePrompt(false)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Continue
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
