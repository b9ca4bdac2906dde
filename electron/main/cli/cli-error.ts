/** An error that ends the command with a message and an exit status (2: bad usage or unreadable input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError(`${message}\nRun "clearance --help" for usage.`, 2);
}
