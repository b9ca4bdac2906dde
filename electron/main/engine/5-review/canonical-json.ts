/**
 * The canonical form that decision hashes and signatures cover (docs/decisions.md): JSON with object keys sorted,
 * no insignificant whitespace, integers only, strings escaped as JSON.stringify does except U+007F, written
 * \u007f. This is byte for byte what `jq -cSj .` prints, so a recipient can rebuild it with stock tools.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) throw new Error(`canonical JSON allows integers only, not ${value}`);
      return String(value);
    case 'string':
      if (/[\ud800-\udfff]/.test(value.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) throw new Error('canonical JSON: a string holds a lone surrogate');
      return JSON.stringify(value).replace(/\u007f/g, '\\u007f');
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonical JSON cannot hold a ${typeof value}`);
  }
}
