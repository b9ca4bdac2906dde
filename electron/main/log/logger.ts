/** Minimal levelled logging to stderr, so stdout stays clean for CLI output. CLEARANCE_LOG=debug for more. */
const level = process.env['CLEARANCE_LOG'] ?? 'info';

function write(tag: string, message: string, detail?: unknown): void {
  const suffix = detail instanceof Error ? `\n${detail.stack ?? detail.message}` : detail === undefined ? '' : ` ${JSON.stringify(detail)}`;
  process.stderr.write(`[clearance ${tag}] ${message}${suffix}\n`);
}

export const logger = {
  debug(message: string, detail?: unknown): void {
    if (level === 'debug') write('debug', message, detail);
  },
  info(message: string, detail?: unknown): void {
    if (level === 'debug' || level === 'info') write('info', message, detail);
  },
  warn(message: string, detail?: unknown): void {
    if (level !== 'error' && level !== 'silent') write('warn', message, detail);
  },
  error(message: string, detail?: unknown): void {
    if (level !== 'silent') write('error', message, detail);
  },
};
