import { asObject, isObject, type JsonObject } from '../values.js';

/**
 * YAML read with the failsafe schema keeps every scalar a string ("1.0" stays "1.0", never the number 1); the
 * SPDX JSON schema then says which values are booleans and numbers.
 */
export function coerceBySchema(value: unknown, schema: JsonObject | null): unknown {
  const type = schema?.type;
  if (Array.isArray(value)) {
    const items = asObject(schema?.items);
    return value.map((item) => coerceBySchema(item, items));
  }
  if (isObject(value)) {
    const properties = asObject(schema?.properties) ?? {};
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value)) result[key] = coerceBySchema(item, asObject(properties[key]));
    return result;
  }
  if (typeof value !== 'string') return value;
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if ((type === 'integer' || type === 'number') && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return value;
}
