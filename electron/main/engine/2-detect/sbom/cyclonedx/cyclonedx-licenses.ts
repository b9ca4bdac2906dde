import type { SbomLicense } from '../types.js';
import { asObject, asObjects, asString, type JsonObject } from '../values.js';

/** CycloneDX `licenses` (a license choice list: `{license: {...}}` or `{expression}` entries) to SbomLicense. */
export function readLicenseChoices(value: unknown): SbomLicense[] {
  const licenses: SbomLicense[] = [];
  for (const entry of asObjects(value)) {
    const acknowledgement = readAcknowledgement(entry.acknowledgement);
    const expression = asString(entry.expression);
    if (expression) {
      licenses.push({ expression, name: null, text: null, url: null, acknowledgement });
      continue;
    }
    const license = asObject(entry.license);
    if (!license) continue;
    licenses.push({
      expression: asString(license.id),
      name: asString(license.name),
      text: readAttachment(license.text),
      url: asString(license.url),
      acknowledgement: readAcknowledgement(license.acknowledgement) ?? acknowledgement,
    });
  }
  return licenses;
}

function readAcknowledgement(value: unknown): 'declared' | 'concluded' | null {
  return value === 'declared' || value === 'concluded' ? value : null;
}

/** A CycloneDX attachment ({content, contentType, encoding}); base64 content is decoded to text. */
export function readAttachment(value: unknown): string | null {
  const attachment: JsonObject | null = asObject(value);
  if (!attachment) return asString(value);
  const content = asString(attachment.content);
  if (content === null) return null;
  if (attachment.encoding === 'base64') return Buffer.from(content, 'base64').toString('utf8');
  return content;
}
