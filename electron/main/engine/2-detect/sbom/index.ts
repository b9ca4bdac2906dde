/** SBOM readers: CycloneDX 1.2–1.7 (JSON, XML) and SPDX 2.2/2.3 (JSON, YAML, tag-value, XML) and 3.0 (JSON-LD). */
export { readSbom } from './read.js';
export { sniffSbom, type SniffResult } from './sniff.js';
export { SbomRejectedError } from './errors.js';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, type ReadSbomOptions } from './options.js';
export { cycloneDxJsonCheck, spdx2JsonCheck, spdx3JsonCheck, type SchemaIssue } from './json-schema.js';
export { cycloneDxXsdCheck, type XsdIssue } from './cyclonedx/xsd.js';
export type * from './types.js';
