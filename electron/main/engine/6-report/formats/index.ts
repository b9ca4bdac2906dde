/** SBOM writers: CycloneDX 1.5–1.7 (JSON, XML) and SPDX 2.3 (JSON, tag-value) / 3.0.1 (JSON-LD) from an ExportModel. */
import type { ExportModel } from '../export-model.js';
import { buildSpdx2Document } from './spdx/spdx2-document.js';
import { toTagValue } from './spdx/spdx2-tag-value-writer.js';
import { writeSpdx3 } from './spdx/spdx3-writer.js';

export { writeCycloneDx, type CycloneDxSpec, type CycloneDxWriteOptions } from './cyclonedx/write-cyclonedx.js';
export { validateExport, type ExportKind } from './validate-export.js';

export interface SpdxWriteOptions {
  format: 'json' | 'tag-value' | 'jsonld';
}

/** SPDX 2.3 JSON or tag-value, or SPDX 3.0.1 JSON-LD. */
export function writeSpdx(model: ExportModel, options: SpdxWriteOptions): string {
  if (options.format === 'jsonld') return writeSpdx3(model);
  const document = buildSpdx2Document(model);
  return options.format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : toTagValue(document);
}
