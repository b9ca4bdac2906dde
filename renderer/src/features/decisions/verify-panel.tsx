import type { TrailVerification } from '../../../../shared/model/decision';

const problemLabels = { altered: 'altered', removed: 'removed', reordered: 'reordered', 'bad-signature': 'bad signature', 'unknown-key': 'unknown signing key' } as const;

/** The result of checking the trail's hash chain and signatures: intact, or the first record that is not. */
export function VerifyPanel({ result, testId = 'verify-result' }: { result: TrailVerification; testId?: string }) {
  if (result.ok) {
    return (
      <div className="verify verify-ok" role="status" data-testid={testId}>
        <strong>Trail intact</strong>: {result.count} records, every hash and signature checks out.
        {result.headHash && (
          <div className="small">
            Head hash <code>{result.headHash}</code> — keep it somewhere the workspace cannot write, and compare later.
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="verify verify-bad" role="alert" data-testid={testId}>
      <strong>Trail broken at record #{result.firstBad}</strong> ({problemLabels[result.problem]}): {result.message}
    </div>
  );
}
