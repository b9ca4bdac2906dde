import { elementNames, children, text, type XmlNode } from '../safe-xml.js';
import { asObject, type JsonObject } from '../values.js';

/**
 * SPDX 2 XML (the JSON shape written as elements: repeated elements are list items) to the JSON shape. The JSON
 * schema tells which properties are lists, booleans and numbers, so the conversion needs no table of its own.
 */
export function spdxXmlToJson(root: XmlNode, schema: object): JsonObject {
  const documentName = elementNames(root).find((name) => name === 'Document' || name === 'SpdxDocument' || name.endsWith(':Document'));
  const document = documentName ? children(root, documentName)[0] : undefined;
  return document ? (convertObject(document, schema) as JsonObject) : {};
}

function convertObject(node: XmlNode, schema: object | null): JsonObject {
  const properties = asObject(asObject(schema)?.properties) ?? {};
  const json: JsonObject = {};
  for (const name of elementNames(node)) {
    const propertySchema = asObject(properties[name]);
    const items = children(node, name);
    if (propertySchema?.type === 'array') {
      json[name] = items.map((item) => convertValue(item, asObject(propertySchema.items)));
    } else {
      json[name] = items.length === 1 ? convertValue(items[0]!, propertySchema) : items.map((item) => convertValue(item, propertySchema));
    }
  }
  return json;
}

function convertValue(node: XmlNode, schema: JsonObject | null): unknown {
  const type = schema?.type;
  if (type === 'object' || (type === undefined && elementNames(node).length > 0)) return convertObject(node, schema);
  const value = text(node) ?? '';
  if (type === 'boolean') return value === 'true';
  if (type === 'integer' || type === 'number') return Number(value);
  return value;
}
