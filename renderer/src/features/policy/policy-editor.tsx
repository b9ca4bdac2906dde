import { useCallback, useEffect, useState } from 'react';
import type { PolicyProblem, PolicyState, PolicyVersionInfo } from '../../../../shared/model/policy';
import { errorMessage, invoke } from '../../api/api-client';
import { ErrorBanner } from '../../components/feedback/error-banner';
import { useAppStore } from '../../stores/app-store';
import { useReviewerStore } from '../../stores/reviewer-store';
import { PolicyVersions } from './policy-versions';
import { PolicyProblems, YamlEditor } from './yaml-editor';

/** The policy as YAML: edit with problems per line checked as you type, save as a new version, look at old ones. */
export function PolicyEditor() {
  const notify = useAppStore((s) => s.notify);
  const reviewer = useReviewerStore((s) => s.info);
  const [inForce, setInForce] = useState<PolicyState | null>(null);
  const [versions, setVersions] = useState<PolicyVersionInfo[]>([]);
  const [shown, setShown] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<PolicyProblem[]>([]);
  const [checking, setChecking] = useState(false);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [state, list] = await Promise.all([invoke('policy.get'), invoke('policy.versions')]);
      setInForce(state);
      setVersions(list);
      setShown(state.version);
      setText(state.text);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  useEffect(() => {
    if (!inForce) return;
    setChecking(true);
    const timer = setTimeout(() => {
      invoke('policy.validate', { text }).then(
        (result) => setProblems(result.problems),
        (e: unknown) => setProblems([{ path: '', line: null, column: null, message: errorMessage(e) }]),
      ).finally(() => setChecking(false));
    }, 300);
    return () => clearTimeout(timer);
  }, [text, inForce]);

  const show = async (version: number): Promise<void> => {
    try {
      const state = await invoke('policy.get', { version });
      setShown(version);
      setText(state.text);
    } catch (e) {
      notify('error', errorMessage(e));
    }
  };
  const save = async (): Promise<void> => {
    setSaving(true);
    try {
      const result = await invoke('policy.save', { text, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(reviewer?.name ? { savedBy: reviewer.name } : {}) });
      if (!result.ok) {
        setProblems(result.problems);
        notify('error', `The policy was not saved: ${result.problems.length} problem(s).`);
        return;
      }
      notify('info', `Saved the policy as version ${result.version}; it is now in force.`);
      setComment('');
      await load();
    } catch (e) {
      notify('error', errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (error) return <ErrorBanner message={error} onRetry={() => void load()} />;
  if (!inForce) return <p className="muted">Loading the policy…</p>;
  const unchanged = text === inForce.text;
  return (
    <section className="policy-editor-section" aria-label="Policy editor">
      <div className="policy-layout">
        <div>
          <p className="muted">
            {inForce.version === null ? 'The shipped default policy is in force.' : `Version ${inForce.version} is in force.`} Anything left out is
            taken from the shipped default (docs/policy.md).
            {shown !== inForce.version && shown !== null && <strong> Showing version {shown}: saving stores it as a new version.</strong>}
          </p>
          <YamlEditor value={text} onChange={setText} problems={problems} />
          <PolicyProblems problems={problems} checking={checking} />
          <div className="filters">
            <input aria-label="Comment for this version" placeholder="What changed (optional)" value={comment} onChange={(e) => setComment(e.target.value)} />
            <button type="button" className="primary" disabled={saving || unchanged || problems.length > 0 || checking} onClick={() => void save()}>
              {saving ? 'Saving…' : 'Save as new version'}
            </button>
            <button type="button" disabled={unchanged} onClick={() => setText(inForce.text)}>
              Discard changes
            </button>
          </div>
        </div>
        <aside>
          <h3>Versions</h3>
          <PolicyVersions versions={versions} inForce={inForce.version} shown={shown} onShow={(v) => void show(v)} />
        </aside>
      </div>
    </section>
  );
}
