import type { ComponentHash, ExternalReference } from '../../../../../shared/model/component.js';

export type SbomFormat = 'cyclonedx' | 'spdx';
/** 'rdf-xml' (SPDX 2 RDF/XML) is recognised by sniffSbom but not read: readSbom refuses it, saying so. */
export type SbomSerialisation = 'json' | 'xml' | 'yaml' | 'tag-value' | 'json-ld' | 'rdf-xml';

export interface SbomProblem {
  /** The file the problem is in. */
  file: string;
  /** JSON pointer ("/components/3/purl") or "line N", when known. */
  location: string | null;
  message: string;
  /**
   * 'error': the document breaks its schema or cannot be read (a strict read throws);
   * 'warning': readable and schema-valid, but something was repaired (renamed duplicate ref, dropped edge …).
   */
  severity: 'error' | 'warning';
}

/** One license statement as the document wrote it. */
export interface SbomLicense {
  /** SPDX id, or an expression. */
  expression: string | null;
  /** A license name when no id was given ("Apache 2"). */
  name: string | null;
  /** Embedded license text (CycloneDX license.text, SPDX extractedText). */
  text: string | null;
  url: string | null;
  /** CycloneDX acknowledgement, SPDX licenseDeclared / licenseConcluded. */
  acknowledgement: 'declared' | 'concluded' | null;
}

/** What a tool found in the component's files (CycloneDX `evidence`, SPDX `licenseInfoFromFiles` / `licenseInfoInFiles`). */
export interface SbomEvidence {
  licenses: SbomLicense[];
  copyrights: string[];
  /** Where the component was found: file paths (CycloneDX `evidence.occurrences[].location`). */
  occurrences: string[];
}

/** A license text the document carries for a LicenseRef- id (SPDX `hasExtractedLicensingInfos`, SPDX 3 CustomLicense). */
export interface SbomExtractedLicense {
  id: string;
  name: string | null;
  text: string;
  urls: string[];
}

/** One SPDX relationship exactly as written (SPDX 2 `relationships`, SPDX 3 `Relationship` elements). */
export interface SbomRelationship {
  from: string;
  type: string;
  to: string;
  comment: string | null;
}

export interface SbomComponent {
  /** bom-ref or SPDXID; unique within the document (duplicates are reported and renamed). */
  ref: string;
  /** The enclosing component's ref, for nested CycloneDX components. */
  parentRef: string | null;
  type: string;
  name: string;
  group: string | null;
  version: string | null;
  purl: string | null;
  cpe: string | null;
  swid: Record<string, unknown> | null;
  hashes: ComponentHash[];
  supplier: string | null;
  author: string | null;
  publisher: string | null;
  description: string | null;
  scope: string | null;
  licenses: SbomLicense[];
  copyright: string | null;
  externalReferences: ExternalReference[];
  /** Tool findings in the component's files, when the document records them. */
  evidence: SbomEvidence | null;
  /** CycloneDX `properties` (name/value pairs; names may repeat). */
  properties: { name: string; value: string }[];
  /** For SPDX: which element this came from (SPDX files and snippets are components of type 'file'); null for CycloneDX. */
  spdxElementType: 'Package' | 'File' | 'Snippet' | null;
  /** Fields this reader does not model, kept verbatim for the round trip. */
  extra: Record<string, unknown>;
}

export interface SbomDependency {
  ref: string;
  dependsOn: string[];
}

export interface SbomVulnerability {
  id: string;
  source: string | null;
  ratings: unknown[];
  affects: string[];
  /** VEX analysis as written: state, justification, response, detail. */
  analysis: Record<string, unknown> | null;
  raw: Record<string, unknown>;
}

export interface SbomDocument {
  format: SbomFormat;
  specVersion: string;
  serialisation: SbomSerialisation;
  /** Document name / metadata.component name. */
  name: string | null;
  serialNumber: string | null;
  createdAt: string | null;
  tools: string[];
  /** metadata.component (CycloneDX) or the DESCRIBES target (SPDX), when present. */
  primaryRef: string | null;
  components: SbomComponent[];
  dependencies: SbomDependency[];
  services: Record<string, unknown>[];
  compositions: Record<string, unknown>[];
  annotations: Record<string, unknown>[];
  vulnerabilities: SbomVulnerability[];
  /** License texts for LicenseRef- ids used in the document. */
  extractedLicenses: SbomExtractedLicense[];
  /** SPDX relationships as written (dependencies above are derived from them); empty for CycloneDX. */
  relationships: SbomRelationship[];
  /**
   * Schema and reading problems. A strict read throws on any 'error', so it returns warnings only;
   * a lenient read returns everything it found.
   */
  problems: SbomProblem[];
}
