import { appVersion } from '../app-paths.js';
import { CliError, usageError } from './cli-error.js';
import { exportCommand } from './export.js';
import { reviewCommands } from './review-commands.js';
import { scanCommand } from './scan.js';
import { serveCommand } from './serve.js';
import { usage } from './usage.js';

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  scan: scanCommand,
  export: exportCommand,
  serve: serveCommand,
  ...reviewCommands,
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
  const command = commands[first];
  try {
    if (!command) throw usageError(`unknown command "${first}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(usage);
      return 0;
    }
    return await command(rest);
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
