import { useState, type FormEvent } from 'react';
import type { BulkDecisionItem, DecisionSubjectParams } from '../../../../shared/api/review-contract';
import { decisionStates, type DecisionState } from '../../../../shared/model/decision';
import { errorMessage } from '../../api/api-client';
import { ModalDialog } from '../../components/feedback/modal-dialog';
import { useAppStore } from '../../stores/app-store';
import { draftProblems, emptyDraft, needsRationale, recordParams, stateLabels, type DecisionDraft } from './decision-draft';
import { LicenseInput } from './license-input';
import { recordBulk } from './record-decision';

export interface BulkSubject {
  subject: DecisionSubjectParams;
  label: string;
}

interface Props {
  title: string;
  subjects: BulkSubject[];
  initial?: Partial<DecisionDraft>;
  onClose(): void;
  onRecorded(count: number): void;
}

const changeLabels: Record<BulkDecisionItem['change'], string> = { new: 'new decision', supersede: 'replaces the current decision', unchanged: 'unchanged (already so)' };

/** One decision for many subjects: preview what would change, then record it (signed, one record per subject). */
export function BulkDecisionDialog({ title, subjects, initial, onClose, onRecorded }: Props) {
  const notify = useAppStore((s) => s.notify);
  const [draft, setDraft] = useState<DecisionDraft>({ ...emptyDraft, state: 'approved', ...initial });
  const [preview, setPreview] = useState<{ items: BulkDecisionItem[]; for: string } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'record' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const problems = draftProblems(draft, new Date().toISOString().slice(0, 10));
  const valid = Object.keys(problems).length === 0;
  const update = (patch: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const params = (dryRun: boolean) => {
    const { subject: _subject, ...fields } = recordParams(draft, subjects[0]!.subject);
    return { ...fields, subjects: subjects.map((s) => s.subject), preview: dryRun };
  };
  // A preview belongs to the draft it was made for: change the draft and it must be made again.
  const fresh = preview !== null && preview.for === JSON.stringify(draft);

  const run = async (dryRun: boolean, event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (!valid) return;
    setBusy(dryRun ? 'preview' : 'record');
    setError(null);
    try {
      const result = await recordBulk(params(dryRun));
      if (dryRun) setPreview({ items: result.items, for: JSON.stringify(draft) });
      else {
        notify('info', `Recorded ${result.recorded.length} decisions (${result.items.length - result.recorded.length} unchanged).`);
        onRecorded(result.recorded.length);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const count = (k: BulkDecisionItem['change']) => preview?.items.filter((i) => i.change === k).length ?? 0;

  return (
    <ModalDialog label={title} onClose={onClose} wide>
      <form onSubmit={(e) => void run(true, e)} noValidate>
        <h2>{title}</h2>
        <p className="muted">{subjects.length.toLocaleString()} subjects. Nothing is recorded until you confirm the preview.</p>
        <label htmlFor="bulk-state">State</label>
        <select id="bulk-state" value={draft.state ?? ''} onChange={(e) => update({ state: e.target.value as DecisionState })}>
          {decisionStates.map((s) => (
            <option key={s} value={s}>
              {stateLabels[s]}
            </option>
          ))}
        </select>
        <label htmlFor="bulk-license">Concluded license (optional)</label>
        <LicenseInput id="bulk-license" value={draft.concludedLicense} onChange={(concludedLicense) => update({ concludedLicense })} />
        <label htmlFor="bulk-rationale">Rationale{draft.state && needsRationale(draft.state) ? ' (required)' : ' (optional)'}</label>
        <textarea id="bulk-rationale" rows={2} value={draft.rationale} onChange={(e) => update({ rationale: e.target.value })} />
        {problems.rationale && <p className="form-error">{problems.rationale}</p>}
        {draft.state === 'exception' && (
          <>
            <label htmlFor="bulk-expires">Expires on</label>
            <input id="bulk-expires" type="date" value={draft.expiresAt} onChange={(e) => update({ expiresAt: e.target.value })} />
            {problems.expiresAt && <p className="form-error">{problems.expiresAt}</p>}
          </>
        )}
        {preview && (
          <div className={`bulk-preview${fresh ? '' : ' stale'}`} aria-label="Preview of changes">
            <p data-testid="bulk-summary">
              {count('new')} new · {count('supersede')} replaced · {count('unchanged')} unchanged{!fresh && ' — the form changed; preview again'}
            </p>
            <ul className="preview-list">
              {preview.items.map((item) => (
                <li key={item.subjectKey} className={`change-${item.change}`} data-testid="bulk-item">
                  <strong>{item.label}</strong> <span className="muted">{changeLabels[item.change]}</span>
                  {item.current && (
                    <span className="muted">
                      {' '}
                      (now {stateLabels[item.current.state as DecisionState] ?? item.current.state}
                      {item.current.concludedLicense ? `, ${item.current.concludedLicense}` : ''})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={!valid || busy !== null}>
            {busy === 'preview' ? 'Previewing…' : 'Preview'}
          </button>
          <button type="button" className="primary" disabled={!fresh || busy !== null || count('new') + count('supersede') === 0} onClick={() => void run(false)}>
            {busy === 'record' ? 'Recording…' : `Record ${count('new') + count('supersede')} decisions`}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
