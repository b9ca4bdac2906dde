declare module 'unbzip2-stream' {
  import type { Duplex } from 'node:stream';
  /** A streaming bzip2 decoder (through-stream). */
  function unbzip2Stream(): Duplex;
  export = unbzip2Stream;
}
