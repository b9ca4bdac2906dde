import type {
  ComponentHash,
  DeclaredLicense,
  Ecosystem,
  ExternalReference,
} from '../../../../shared/model/component.js';

/**
 * What the SBOM writers serialise: the workspace's view of one or more projects, already resolved from the
 * database (latest finished scan, decisions applied). Writers never touch the database.
 */
export interface ExportModel {
  /** Document name: the project name, or the workspace name when several projects are exported. */
  name: string;
  toolName: string;
  toolVersion: string;
  generatedAt: string;
  /** The root component(s): one per exported project. */
  roots: ExportComponent[];
  components: ExportComponent[];
  /** Edges by component key. Every key appears in roots or components. */
  dependencies: { from: string; to: string[] }[];
  /** Vulnerabilities imported from SBOMs, kept for the round trip (raw CycloneDX-like objects). */
  vulnerabilities: Record<string, unknown>[];
  /**
   * What imported CycloneDX documents hold besides components, in their JSON shape, with every reference already
   * pointing at this model's keys (imported-sections.ts). Absent: nothing imported. Only the CycloneDX writer uses them.
   */
  services?: Record<string, unknown>[];
  compositions?: Record<string, unknown>[];
  annotations?: Record<string, unknown>[];
  /** Dependency edges that start or end at a service (`dependencies` holds component edges only). */
  serviceDependencies?: { from: string; to: string[] }[];
}

export interface ExportDetectedLicense {
  license: string;
  path: string;
  startLine: number | null;
  endLine: number | null;
  score: number;
  kind: string;
}

export interface ExportDecision {
  state: string;
  concludedLicense: string | null;
  rationale: string | null;
  reviewer: string;
  decidedAt: string;
  id: string;
}

export interface ExportComponent {
  /** Unique in the document; used as bom-ref / SPDXID seed. */
  key: string;
  type: 'application' | 'library' | 'framework' | 'file' | 'container' | 'firmware' | 'device' | 'operating-system';
  name: string;
  group: string | null;
  version: string | null;
  purl: string | null;
  cpe: string | null;
  ecosystem: Ecosystem;
  description: string | null;
  supplier: string | null;
  author: string | null;
  scope: string | null;
  hashes: ComponentHash[];
  externalReferences: ExternalReference[];
  declared: DeclaredLicense;
  /** Concluded by a decision. */
  concluded: string | null;
  /** Embedded texts for licenses that are not on the SPDX list (LicenseRef-…), by id. */
  licenseTexts: { id: string; name: string | null; text: string }[];
  detected: ExportDetectedLicense[];
  copyrights: string[];
  /** Paths of the component's files, relative to the scanned root (occurrences). */
  occurrences: string[];
  decisions: ExportDecision[];
  /** Extra name/value pairs; writers prefix nothing, the builder already uses `clearance:` names. */
  properties: { name: string; value: string }[];
  /**
   * The component that contains this one (a nested CycloneDX component, an SPDX file inside its package); the
   * CycloneDX writer nests it there. Null or absent: a top-level component.
   */
  parentKey?: string | null;
  /** Unknown fields from an imported SBOM, kept for the round trip; the writer of the same format merges them back. */
  extra: Record<string, unknown> | null;
  extraFormat: 'cyclonedx' | 'spdx' | null;
}
