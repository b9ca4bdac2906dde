import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/api-client';
import { useAppStore } from '../../stores/app-store';
import { useReviewerStore } from '../../stores/reviewer-store';

const keyStatusLabels = { none: 'no key yet (made on your first decision)', locked: 'locked', unlocked: 'unlocked for this session' } as const;

/** Who signs decisions in this workspace, and their signing key (unlock or create it with a passphrase). */
export function ReviewerSettings() {
  const { info, error, load, setIdentity, unlock } = useReviewerStore();
  const notify = useAppStore((s) => s.notify);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [passphrase, setPassphrase] = useState('');
  useEffect(() => void load(), [load]);
  useEffect(() => {
    setName(info?.name ?? '');
    setEmail(info?.email ?? '');
  }, [info?.name, info?.email]);

  const saveIdentity = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await setIdentity(name.trim(), email.trim());
      notify('info', 'Reviewer saved.');
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };
  const unlockKey = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await unlock(passphrase);
      setPassphrase('');
      notify('info', info?.keyStatus === 'none' ? 'Signing key created and unlocked.' : 'Signing key unlocked.');
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };

  return (
    <fieldset className="settings-group" aria-label="Reviewer">
      <legend>Reviewer</legend>
      {error && <p className="form-error">{error}</p>}
      {info && info.name === null && <p className="muted">No reviewer yet: you are asked on your first decision. Every decision is signed with your key.</p>}
      <form onSubmit={(e) => void saveIdentity(e)} className="stack">
        <label htmlFor="settings-reviewer-name">Name</label>
        <input id="settings-reviewer-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="settings-reviewer-email">Email</label>
        <input id="settings-reviewer-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        <div>
          <button type="submit" disabled={!name.trim() || !email.trim()}>
            Save reviewer
          </button>
        </div>
      </form>
      {info?.name && (
        <>
          <p data-testid="reviewer-key-status">
            Signing key: {keyStatusLabels[info.keyStatus]}
            {info.keyFingerprint && (
              <>
                {' '}
                · fingerprint <code title={info.keyFingerprint}>{info.keyFingerprint.slice(0, 16)}…</code>
              </>
            )}
          </p>
          {info.keyStatus !== 'unlocked' && (
            <form onSubmit={(e) => void unlockKey(e)} className="inline-form">
              <input type="password" aria-label="Passphrase" placeholder={info.keyStatus === 'none' ? 'passphrase for a new key' : 'passphrase'} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
              <button type="submit" disabled={!passphrase}>
                {info.keyStatus === 'none' ? 'Create key' : 'Unlock'}
              </button>
            </form>
          )}
        </>
      )}
    </fieldset>
  );
}
