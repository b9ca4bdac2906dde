import type { SchemaCheck } from '../../2-detect/sbom/json-schema.js';

type Json = Record<string, unknown>;

export interface ExtraTarget {
  /** The written object (a component, a package …) and its JSON pointer in the document. */
  object: Json;
  pointer: string;
  extra: Json | null;
}

interface MergedField {
  object: Json;
  pointer: string;
  key: string;
  /** The value before the merge (undefined: the field was absent). */
  before: unknown;
}

/**
 * Fields of an imported document that Clearance does not model are merged back where the output lacks them (the
 * output wins where both have a value). An extra may not fit the target version (a 1.7 field in a 1.5 export), so
 * the schema decides: any merged field it complains about is taken out again and the export stays valid.
 */
export function mergeExtras(document: Json, targets: ExtraTarget[], check: SchemaCheck | null): void {
  const merged: MergedField[] = [];
  for (const { object, pointer, extra } of targets) {
    if (!extra) continue;
    for (const [key, value] of Object.entries(extra)) {
      const before = object[key];
      const after = fillMissing(before, value);
      if (after === before) continue;
      merged.push({ object, pointer, key, before: before === undefined ? undefined : structuredClone(before) });
      object[key] = after;
    }
  }
  if (merged.length === 0 || !check) return;
  for (let round = 0; round < 3; round++) {
    const issues = check(document);
    if (issues.length === 0) return;
    // Precise first: an issue inside the merged value, or an "unknown property" naming it on its object.
    let offending = merged.filter((field) =>
      issues.some(
        (issue) =>
          issue.pointer.startsWith(`${field.pointer}/${field.key}`) ||
          (issue.pointer === field.pointer && issue.message.includes(`"${field.key}"`)),
      ),
    );
    if (offending.length === 0) offending = merged.filter((field) => issues.some((issue) => issue.pointer === field.pointer));
    if (offending.length === 0) break;
    for (const field of offending) restore(field, merged);
  }
  if (check(document).length > 0) for (const field of [...merged]) restore(field, merged);
}

function restore(field: MergedField, merged: MergedField[]): void {
  if (field.before === undefined) delete field.object[field.key];
  else field.object[field.key] = field.before;
  merged.splice(merged.indexOf(field), 1);
}

/** The output's value where it has one; missing object members filled from the extra. */
function fillMissing(output: unknown, extra: unknown): unknown {
  if (output === undefined) return structuredClone(extra);
  if (isPlainObject(output) && isPlainObject(extra)) {
    let changed = false;
    const result: Json = { ...output };
    for (const [key, value] of Object.entries(extra)) {
      const filled = fillMissing(output[key], value);
      if (filled !== output[key]) {
        result[key] = filled;
        changed = true;
      }
    }
    return changed ? result : output;
  }
  return output;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
