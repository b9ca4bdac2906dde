import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { DecisionSubjectParams } from '../../../../shared/api/review-contract';
import { decisionStates, type Decision, type DecisionState } from '../../../../shared/model/decision';
import { errorMessage } from '../../api/api-client';
import { ModalDialog } from '../../components/feedback/modal-dialog';
import { draftProblems, emptyDraft, needsRationale, recordParams, stateLabels, type DecisionDraft } from './decision-draft';
import { LicenseInput } from './license-input';
import { recordDecision } from './record-decision';

export interface QuickDecisionRequest {
  label: string;
  subject: DecisionSubjectParams;
  state: DecisionState;
  concludedLicense: string;
  /** Edit the concluded license (focus there) rather than write a rationale. */
  focus: 'rationale' | 'license';
}

interface Props {
  request: QuickDecisionRequest;
  onRecorded(decision: Decision): void;
  onClose(): void;
}

/** The short form behind the triage keys that need more than a key press: rationale, or a concluded license. */
export function QuickDecisionDialog({ request, onRecorded, onClose }: Props) {
  const [draft, setDraft] = useState<DecisionDraft>({ ...emptyDraft, state: request.state, concludedLicense: request.concludedLicense });
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = draftProblems(draft, new Date().toISOString().slice(0, 10));
  const update = (patch: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    setAttempted(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      onRecorded(await recordDecision(recordParams(draft, request.subject)));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  // Ctrl/⌘+Enter records from the rationale box, where Enter makes a new line.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  };

  return (
    <ModalDialog label="Decide" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
        <h2>{request.focus === 'license' ? 'Concluded license' : stateLabels[draft.state ?? request.state]}</h2>
        <p className="muted">{request.label}</p>
        <label htmlFor="quick-state">State</label>
        <select id="quick-state" value={draft.state ?? ''} onChange={(e) => update({ state: e.target.value as DecisionState })}>
          {decisionStates.map((s) => (
            <option key={s} value={s}>
              {stateLabels[s]}
            </option>
          ))}
        </select>
        <label htmlFor="quick-license">Concluded license</label>
        <LicenseInput id="quick-license" value={draft.concludedLicense} onChange={(concludedLicense) => update({ concludedLicense })} autoFocus={request.focus === 'license'} />
        <label htmlFor="quick-rationale">Rationale{draft.state && needsRationale(draft.state) ? ' (required)' : ''}</label>
        <textarea id="quick-rationale" rows={3} value={draft.rationale} onChange={(e) => update({ rationale: e.target.value })} autoFocus={request.focus === 'rationale'} data-autofocus={request.focus === 'rationale'} />
        {attempted && problems.rationale && <p className="form-error">{problems.rationale}</p>}
        {draft.state === 'exception' && (
          <>
            <label htmlFor="quick-expires">Expires on</label>
            <input id="quick-expires" type="date" value={draft.expiresAt} onChange={(e) => update({ expiresAt: e.target.value })} />
            {attempted && problems.expiresAt && <p className="form-error">{problems.expiresAt}</p>}
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <span className="muted small">Ctrl+Enter records · Esc cancels</span>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Record
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
