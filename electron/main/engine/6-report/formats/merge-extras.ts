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

/**
 * Appends imported items to a list of the document (`compositions`, `annotations` …), keeping only those the schema
 * accepts there: an item with an issue inside it is taken out again, and if the list as a whole is still rejected,
 * every appended item goes.
 */
export function appendChecked(document: Json, key: string, items: Json[], check: SchemaCheck | null): void {
  if (items.length === 0) return;
  const list = (Array.isArray(document[key]) ? document[key] : []) as Json[];
  const existing = list.length;
  const added = items.map((item) => structuredClone(item));
  document[key] = [...list, ...added];
  if (!check) return;
  const prefix = `/${key}`;
  dropMalformedValues(document, new RegExp(`^/${key}/(\\d+)/`), check, (match) => Number(match[1]) >= existing);
  for (let round = 0; round < 3; round++) {
    const issues = check(document).filter((issue) => issue.pointer === prefix || issue.pointer.startsWith(`${prefix}/`));
    if (issues.length === 0) return;
    const current = document[key] as Json[];
    const offending = new Set(
      issues
        .map((issue) => Number(/^\/[^/]+\/(\d+)/.exec(issue.pointer)?.[1] ?? Number.NaN))
        .filter((index) => index >= existing)
        .map((index) => current[index]),
    );
    if (offending.size === 0) break;
    document[key] = current.filter((item) => !offending.has(item));
  }
  if (check(document).some((issue) => issue.pointer === prefix || issue.pointer.startsWith(`${prefix}/`))) document[key] = list;
  if ((document[key] as Json[]).length === 0) delete document[key];
}

/**
 * Leaves out imported values that break a JSON-only format rule (an `email` that is no address: CycloneDX XML types
 * it as a plain string, so an XML import may hold one), where the issue's pointer matches `where`.
 */
export function dropMalformedValues(document: Json, where: RegExp, check: SchemaCheck | null, accept: (match: RegExpExecArray) => boolean = () => true): void {
  if (!check) return;
  const malformed = check(document).filter((issue) => {
    const match = where.exec(issue.pointer);
    return match !== null && accept(match) && issue.message.startsWith('must match format');
  });
  // Last first, so that removing an array item does not shift the others still to remove.
  for (const { pointer } of malformed.sort((a, b) => b.pointer.localeCompare(a.pointer, 'en', { numeric: true }))) {
    const path = pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    const key = path.pop()!;
    let parent: unknown = document;
    for (const part of path) parent = (parent as Json | undefined)?.[part];
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else if (parent && typeof parent === 'object') delete (parent as Json)[key];
  }
}
