/** Narrowing helpers for parsed JSON/YAML/XML, where any value may have any shape. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | null {
  return isObject(value) ? value : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asObjects(value: unknown): JsonObject[] {
  return asArray(value).filter(isObject);
}

/** A non-empty string, or null. Numbers are accepted (YAML and XML turn "1.0" into numbers sometimes). */
export function asString(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function asStrings(value: unknown): string[] {
  return asArray(value).map(asString).filter((item): item is string => item !== null);
}

/** Copies the fields of `source` not named in `known`. */
export function unknownFields(source: JsonObject, known: ReadonlySet<string>): JsonObject {
  const extra: JsonObject = {};
  for (const [key, value] of Object.entries(source)) if (!known.has(key)) extra[key] = value;
  return extra;
}

/** Refuses pathological nesting before any recursive code (schema validation, readers) walks the value. */
export function maxNesting(root: unknown, limit: number): number {
  const stack: [unknown, number][] = [[root, 1]];
  let deepest = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
    } else if (typeof value === 'object' && value !== null) {
      for (const key in value) {
        const item = (value as JsonObject)[key];
        if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
      }
    }
  }
  return deepest;
}
