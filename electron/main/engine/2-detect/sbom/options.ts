export interface ReadSbomOptions {
  /** Import what can be read and return every problem, instead of refusing a schema-invalid document. */
  lenient: boolean;
  /** Refuse larger files (bytes). Default 512 MiB. */
  maxBytes?: number;
  /** Refuse JSON/YAML/XML nested deeper than this. Default 256 levels. */
  maxDepth?: number;
}

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 256;
