import type { PolicyVersionInfo } from '../../../../shared/model/policy';
import { formatDate } from '../../lib/format';

interface Props {
  versions: PolicyVersionInfo[];
  inForce: number | null;
  shown: number | null;
  onShow(version: number): void;
}

/** Every stored version of the policy, newest first; the newest is in force. */
export function PolicyVersions({ versions, inForce, shown, onShow }: Props) {
  if (versions.length === 0) return <p className="muted">No version saved yet: the shipped default policy is in force.</p>;
  return (
    <ol className="policy-versions" aria-label="Policy versions" reversed>
      {[...versions].sort((a, b) => (b.version ?? 0) - (a.version ?? 0)).map((v) => (
        <li key={v.version ?? 0} data-testid="policy-version">
          <button type="button" className={`link-button${shown === v.version ? ' selected' : ''}`} onClick={() => v.version !== null && onShow(v.version)}>
            Version {v.version}
          </button>
          {v.version === inForce && <span className="badge">in force</span>}
          <div className="muted small">
            {formatDate(v.savedAt)}
            {v.savedBy ? ` · ${v.savedBy}` : ''}
            {v.comment ? ` · ${v.comment}` : ''}
          </div>
        </li>
      ))}
    </ol>
  );
}
