import { parseArgs } from 'node:util';
import { decisionStates, type DecisionState } from '../../../shared/model/decision.js';
import { obligationKinds, type Obligation } from '../../../shared/model/policy.js';
import type { DecisionSubjectParams } from '../../../shared/api/review-contract.js';
import { recordDecisions, resolveSubject } from '../services/decisions-service.js';
import { usageError } from './cli-error.js';
import { openCliContext } from './open-context.js';
import { parseCliArgs, passphraseOption, projectIdByName, reviewerIdentity, service } from './review-cli-common.js';

/** `clearance decide <purl> --state STATE …`: records one signed decision. */
export async function decideCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        state: { type: 'string' },
        license: { type: 'string' },
        rationale: { type: 'string' },
        expires: { type: 'string' },
        range: { type: 'string' },
        project: { type: 'string' },
        finding: { type: 'string' },
        path: { type: 'string' },
        obligations: { type: 'string' },
        reviewer: { type: 'string' },
        email: { type: 'string' },
        'passphrase-file': { type: 'string' },
      },
    }),
  );
  const state = values.state;
  if (!state || !(decisionStates as readonly string[]).includes(state)) throw usageError(`decide: --state must be one of ${decisionStates.join(', ')}`);
  const targets = [positionals.length > 0, values.finding !== undefined, values.path !== undefined].filter(Boolean).length;
  if (targets !== 1 || positionals.length > 1) throw usageError('decide: name exactly one subject: a purl, --finding KEY or --path PATTERN');
  const obligations = values.obligations?.split(',').map((o) => o.trim()).filter(Boolean) ?? [];
  const unknown = obligations.filter((o) => !(obligationKinds as readonly string[]).includes(o));
  if (unknown.length > 0) throw usageError(`decide: unknown obligation ${unknown.join(', ')} (use ${obligationKinds.join(', ')})`);

  const ctx = openCliContext(values.db);
  try {
    const projectId = projectIdByName(ctx.db, values.project, ctx.workspacePath);
    const subject: DecisionSubjectParams = values.finding
      ? { type: 'finding', key: values.finding, ...(projectId ? { projectId } : {}) }
      : values.path
        ? { type: 'path', pattern: values.path, ...(projectId ? { projectId } : {}) }
        : { type: values.range ? 'component-range' : 'component', purl: positionals[0]!, ...(values.range ? { range: values.range } : {}), ...(projectId ? { projectId } : {}) };
    const reviewer = reviewerIdentity(ctx.db, values);
    const passphrase = passphraseOption(values['passphrase-file']);
    const [decision] = service(() =>
      recordDecisions(
        ctx.db,
        [
          {
            resolved: resolveSubject(ctx.db, subject),
            input: {
              state: state as DecisionState,
              concludedLicense: values.license ?? null,
              rationale: values.rationale ?? null,
              expiresAt: values.expires ?? null,
              obligations: obligations as Obligation[],
              reviewer,
              ...(passphrase !== undefined ? { passphrase } : {}),
            },
          },
        ],
        ctx.resourcesDir,
      ),
    );
    const d = decision!;
    const replaced = d.supersedesUid ? `, superseding ${d.supersedesUid}` : '';
    process.stdout.write(`recorded #${d.seq} ${d.uid}: ${d.subjectKey} is ${d.state}${d.concludedLicense ? ` (${d.concludedLicense})` : ''}${replaced}\n`);
    return 0;
  } finally {
    await ctx.close();
  }
}
