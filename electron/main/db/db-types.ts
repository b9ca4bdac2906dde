import type Database from 'better-sqlite3';

/** A connection the caller may only read from (the brand stops a reader being passed where a writer is needed). */
export type ReadableDb = Database.Database & { readonly __readable: true };
/** A connection that may write. Every WritableDb is also readable. */
export type WritableDb = ReadableDb & { readonly __writable: true };
