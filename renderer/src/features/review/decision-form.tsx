import { useState, type FormEvent } from 'react';
import { decisionStates, type Decision } from '../../../../shared/model/decision';
import { obligationKinds } from '../../../../shared/model/policy';
import { errorMessage } from '../../api/api-client';
import { useAppStore } from '../../stores/app-store';
import { componentSubject, draftProblems, emptyDraft, needsRationale, recordParams, stateLabels, type ComponentRef, type DecisionDraft } from './decision-draft';
import { LicenseInput } from './license-input';
import { recordDecision } from './record-decision';

interface Props {
  component: ComponentRef & { name: string; version: string | null; projectName: string | null; rootPath?: string | null };
  /** The decision in force, to start from and to replace. */
  current: Decision | null;
  /** Choices of an OR expression the policy allows: offered as one-click concluded licenses. */
  allowedChoices: string[];
  onRecorded(decision: Decision): void;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Records a decision on a component: state, concluded license, rationale, obligations, expiry and scope. */
export function DecisionForm({ component, current, allowedChoices, onRecorded }: Props) {
  const [draft, setDraft] = useState<DecisionDraft>(() => ({
    ...emptyDraft,
    concludedLicense: current?.concludedLicense ?? '',
    obligations: current?.obligations ?? [],
  }));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notify = useAppStore((s) => s.notify);
  const problems = draftProblems(draft, today());
  const update = (patch: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const shown = (field: keyof typeof problems) => (attempted || field === 'concludedLicense' ? problems[field] : undefined);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const decision = await recordDecision(recordParams(draft, componentSubject(component, draft.scope, draft.range, draft.pattern)));
      setDraft({ ...emptyDraft, concludedLicense: decision.concludedLicense ?? '', obligations: decision.obligations });
      setAttempted(false);
      if (decision.subject.type === 'path') {
        // Not a decision on this component: say where it went, since the history below will not show it.
        notify('info', `Recorded “${stateLabels[decision.state]}” for the findings of files matching ${decision.subject.pattern} in this project (see Decisions).`);
      }
      onRecorded(decision);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const label = `${component.name}${component.version ? `@${component.version}` : ''}`;
  return (
    <form className="decision-form" aria-label="Record a decision" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>Decision</legend>
        <div className="state-choices" role="radiogroup" aria-label="State">
          {decisionStates.map((state) => (
            <label key={state} className="check">
              <input type="radio" name="decision-state" checked={draft.state === state} onChange={() => update({ state })} /> {stateLabels[state]}
            </label>
          ))}
        </div>
        {shown('state') && <p className="form-error">{problems.state}</p>}
      </fieldset>
      <label htmlFor="concluded-license">Concluded license</label>
      <LicenseInput id="concluded-license" value={draft.concludedLicense} onChange={(concludedLicense) => update({ concludedLicense })} />
      {allowedChoices.length > 0 && (
        <div className="choices" aria-label="Choices the policy allows">
          <span className="muted">The policy allows: </span>
          {allowedChoices.map((choice) => (
            <button key={choice} type="button" className="chip" onClick={() => update({ concludedLicense: choice })} title="Conclude this license">
              {choice}
            </button>
          ))}
        </div>
      )}
      <label htmlFor="rationale">Rationale{draft.state && needsRationale(draft.state) ? ' (required)' : ' (optional for an approval)'}</label>
      <textarea id="rationale" rows={3} value={draft.rationale} onChange={(e) => update({ rationale: e.target.value })} aria-invalid={Boolean(shown('rationale'))} />
      {shown('rationale') && <p className="form-error">{problems.rationale}</p>}
      <fieldset>
        <legend>Obligations accepted</legend>
        {obligationKinds.map((o) => (
          <label key={o} className="check inline">
            <input
              type="checkbox"
              checked={draft.obligations.includes(o)}
              onChange={(e) => update({ obligations: e.target.checked ? [...draft.obligations, o] : draft.obligations.filter((x) => x !== o) })}
            />{' '}
            {o}
          </label>
        ))}
      </fieldset>
      <label htmlFor="expires-at">Expires on{draft.state === 'exception' ? ' (required for an exception)' : ' (optional)'}</label>
      <input id="expires-at" type="date" value={draft.expiresAt} min={today()} onChange={(e) => update({ expiresAt: e.target.value })} />
      {shown('expiresAt') && <p className="form-error">{problems.expiresAt}</p>}
      <fieldset>
        <legend>Scope</legend>
        <label className="check">
          <input type="radio" name="scope" checked={draft.scope === 'version'} onChange={() => update({ scope: 'version' })} /> This version ({label}
          {component.projectName ? ` in ${component.projectName}` : ''})
        </label>
        <label className="check">
          <input type="radio" name="scope" checked={draft.scope === 'range'} onChange={() => update({ scope: 'range' })} /> A version range:
          <input aria-label="Version range" value={draft.range} placeholder="^4.0.0" onChange={(e) => update({ range: e.target.value, scope: 'range' })} />
        </label>
        {shown('range') && <p className="form-error">{problems.range}</p>}
        <label className="check">
          <input type="radio" name="scope" checked={draft.scope === 'workspace'} onChange={() => update({ scope: 'workspace' })} /> All projects (this version, everywhere)
        </label>
        {component.projectId !== undefined && (
          <label className="check">
            <input type="radio" name="scope" checked={draft.scope === 'path'} onChange={() => update({ scope: 'path' })} /> The findings of files matching
            <input
              aria-label="Path pattern"
              value={draft.pattern}
              placeholder={component.rootPath ? `${component.rootPath}/test/**` : 'test/**'}
              onChange={(e) => update({ pattern: e.target.value, scope: 'path' })}
            />
            in this project
          </label>
        )}
        {shown('pattern') && <p className="form-error">{problems.pattern}</p>}
      </fieldset>
      {current && <p className="muted">Recording replaces the current decision ({stateLabels[current.state]}); the earlier one stays in the trail.</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record decision'}
        </button>
      </div>
    </form>
  );
}
