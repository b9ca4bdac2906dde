/** Every failure crossing the API boundary has one of these codes, so the UI can react without parsing text. */
export type AppErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'unreadable-input'
  | 'invalid-sbom'
  | 'invalid-expression'
  | 'conflict'
  | 'unsupported'
  | 'workspace-locked'
  | 'workspace-incompatible'
  | 'cancelled'
  | 'internal';

export interface AppErrorShape {
  code: AppErrorCode;
  message: string;
  /** Structured context: the path, the JSON pointer, the list of problems … */
  details?: unknown;
}

/** Thrown by engine and services; dispatch turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;

  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
