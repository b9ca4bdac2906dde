import type { Decision } from '../../../../shared/model/decision';
import { ModalDialog } from '../../components/feedback/modal-dialog';
import { DecisionHistory } from '../review/decision-history';

/** One record of the trail in full: the decision, and its place in the hash chain with its signature. */
export function DecisionDetailDialog({ decision: d, onClose }: { decision: Decision; onClose(): void }) {
  return (
    <ModalDialog label="Decision record" onClose={onClose} wide>
      <h2>Record #{d.seq}</h2>
      <DecisionHistory decisions={[d]} emptyText="" />
      <dl className="facts small">
        <dt>uid</dt>
        <dd><code>{d.uid}</code></dd>
        <dt>Subject key</dt>
        <dd><code>{d.subjectKey}</code></dd>
        <dt>Supersedes</dt>
        <dd>{d.supersedesUid ? <code>{d.supersedesUid}</code> : '—'}</dd>
        <dt>Policy version</dt>
        <dd>{d.policyVersion ?? '—'}</dd>
        <dt>Previous hash</dt>
        <dd><code>{d.prevHash}</code></dd>
        <dt>Hash</dt>
        <dd><code>{d.hash}</code></dd>
        <dt>Signed by key</dt>
        <dd><code>{d.reviewer.keyFingerprint}</code></dd>
        <dt>Signature</dt>
        <dd><code className="wrap">{d.signature}</code></dd>
      </dl>
      <form method="dialog" className="dialog-actions">
        <button type="submit">Close</button>
      </form>
    </ModalDialog>
  );
}
