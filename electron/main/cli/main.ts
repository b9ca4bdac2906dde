import { appVersion } from '../app-paths.js';
import { CliError, usageError } from './cli-error.js';
import { usage } from './usage.js';

type Command = (argv: string[]) => Promise<number>;

/** Each command is loaded when it runs: `clearance scan` does not pay for the SBOM writers or the policy engine. */
const commands: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./scan.js')).scanCommand,
  export: async () => (await import('./export.js')).exportCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  decide: async () => (await import('./decide.js')).decideCommand,
  decisions: async () => (await import('./decisions-command.js')).decisionsCommand,
  'verify-log': async () => (await import('./verify-log.js')).verifyLogCommand,
  policy: async () => (await import('./policy-command.js')).policyCommand,
};

/** The `clearance` command. Every command calls the same services as the app. */
export async function runCli(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(usage);
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${appVersion}\n`);
    return 0;
  }
  const load = commands[first];
  try {
    if (!load) throw usageError(`unknown command "${first}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(usage);
      return 0;
    }
    return await (await load())(rest);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`clearance: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`clearance: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

/** Entry for bin/clearance.js. */
export function main(argv: string[]): Promise<number> {
  return runCli(argv);
}
