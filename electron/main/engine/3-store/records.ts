import type { ComponentHash, DeclaredLicense, DependencyScope, Ecosystem, ExternalReference } from '../../../../shared/model/component.js';
import type { FileType } from '../../../../shared/model/file.js';
import type { FindingKind } from '../../../../shared/model/finding.js';
import type { DetectedFinding } from '../2-detect/licenses/types.js';

/** What the pipeline hands the store stage. Keys, not ids: ids exist only once rows are written. */
export interface ContentRecord {
  sha256: string;
  sha1: string | null;
  size: number;
  type: FileType;
  encoding: string | null;
  error: string | null;
  findings: DetectedFinding[];
}

export interface FileRecord {
  sourcePath: string;
  path: string;
  size: number;
  mtimeMs: number | null;
  sha256: string | null;
  type: FileType;
  componentKey: string | null;
}

export interface ComponentRecord {
  key: string;
  purl: string | null;
  /** Group, scope or vendor (maven groupId, npm @scope …), when the ecosystem has one. */
  namespace: string | null;
  /** For display: namespace and name joined the ecosystem's way. */
  name: string;
  version: string | null;
  ecosystem: Ecosystem;
  scope: DependencyScope;
  sourcePath: string | null;
  rootPath: string | null;
  isProjectRoot: boolean;
  declared: DeclaredLicense;
  description: string | null;
  supplier: string | null;
  author: string | null;
  cpe: string | null;
  hashes: ComponentHash[];
  externalReferences: ExternalReference[];
  origins: string[];
  extra: Record<string, unknown> | null;
  extraFormat: 'cyclonedx' | 'spdx' | null;
}

export interface EdgeRecord {
  fromKey: string;
  toKey: string;
  scope: DependencyScope;
}

/** A finding about a component or a manifest rather than about a file's content. */
export interface ComponentFindingRecord {
  componentKey: string | null;
  path: string | null;
  kind: FindingKind;
  license: string | null;
  score: number;
  startLine: number | null;
  endLine: number | null;
  text: string;
  matchedBy: string;
}

export interface WarningRecord {
  path: string;
  location: string | null;
  message: string;
}
