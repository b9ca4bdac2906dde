import { decideCommand } from './decide.js';
import { decisionsCommand } from './decisions-command.js';
import { policyCommand } from './policy-command.js';
import { verifyLogCommand } from './verify-log.js';

/** The review domain's commands (decide, decisions, verify-log, policy), merged into the CLI by main.ts. */
export const reviewCommands: Record<string, (argv: string[]) => Promise<number>> = {
  decide: decideCommand,
  decisions: decisionsCommand,
  'verify-log': verifyLogCommand,
  policy: policyCommand,
};
