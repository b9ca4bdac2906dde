import { parseArgs } from 'node:util';
import { verifyWorkspaceTrail } from '../services/decisions-service.js';
import { openCliContext } from './open-context.js';
import { parseCliArgs, service } from './review-cli-common.js';

/** `clearance verify-log`: 0 when the decision trail is intact, 1 naming the first record that is not. */
export async function verifyLogCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(() =>
    parseArgs({ args: argv, allowPositionals: false, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } }),
  );
  void positionals;
  const ctx = openCliContext(values.db);
  try {
    const result = service(() => verifyWorkspaceTrail(ctx.db));
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else if (result.ok) process.stdout.write(`decision trail intact: ${result.count} records${result.headHash ? `, head ${result.headHash}` : ''}\n`);
    else process.stderr.write(`decision trail broken at record #${result.firstBad} (${result.problem}): ${result.message}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await ctx.close();
  }
}
