import type { z } from 'zod';
import type { ComponentDetail, ComponentSummary } from '../model/component.js';
import type { FileTreeEntry, FileView } from '../model/file.js';
import type { Finding } from '../model/finding.js';
import type { Job } from '../model/job.js';
import type { ProjectSummary } from '../model/project.js';
import type { Scan, ScanWarning } from '../model/scan.js';
import type { ReviewApiResults } from './review-contract.js';
import type { ParamSchemas } from './schemas.js';

/** How the app runs: in Electron (native dialogs) or in a browser against `clearance serve`. */
export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  workspacePath: string;
  schemaVersion: number;
  /** Native file pickers exist (Electron); in a browser the user types or pastes paths. */
  canPickPaths: boolean;
  sample: { path: string; available: boolean; opened: boolean };
}

/** An SBOM imported by a scan: which document each SBOM-derived datum came from. */
export interface SbomDocumentSummary {
  id: number;
  filePath: string;
  format: string;
  specVersion: string;
  serialisation: string;
  name: string | null;
  problemCount: number;
}

export interface FindingsPage {
  rows: Finding[];
  total: number;
  /** Counts per kind over the whole filtered set (not just the page). */
  countsByKind: Record<string, number>;
}

export interface LicenseReference {
  id: string;
  name: string;
  text: string;
  isException: boolean;
}

export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface LicenseComparison {
  licenseId: string;
  /** The finding's text compared with the SPDX reference: 'added' is in the file only, 'removed' in the reference only. */
  segments: DiffSegment[];
  score: number;
}

export interface ExportedDocument {
  fileName: string;
  mediaType: string;
  content: string;
}

/** Method name → result type. Params come from `paramSchemas`; both transports serve exactly this map. */
export interface ApiResults extends ReviewApiResults {
  'app.info': AppInfo;
  'projects.list': ProjectSummary[];
  'projects.get': ProjectSummary;
  'projects.rename': ProjectSummary;
  'projects.setDistribution': ProjectSummary;
  'projects.remove': null;
  'scans.start': { jobId: string; projectId: number };
  'scans.list': Scan[];
  'scans.warnings': ScanWarning[];
  'scans.documents': SbomDocumentSummary[];
  'sample.open': { jobId: string; projectId: number };
  'components.list': ComponentSummary[];
  'components.get': ComponentDetail;
  'files.tree': FileTreeEntry[];
  'files.get': FileView;
  'findings.list': FindingsPage;
  'licenses.reference': LicenseReference;
  'licenses.compare': LicenseComparison;
  'jobs.list': Job[];
  'jobs.cancel': Job;
  'exports.sbom': ExportedDocument;
  'exports.findings': ExportedDocument;
  'platform.pickPaths': { paths: string[] };
  'platform.revealPath': null;
}

export type ApiMethod = keyof ApiResults & keyof ParamSchemas;
export type ApiParams<M extends ApiMethod> = z.input<ParamSchemas[M]>;
/** Params after validation (defaults applied). */
export type ApiValidParams<M extends ApiMethod> = z.output<ParamSchemas[M]>;
export type ApiResult<M extends ApiMethod> = ApiResults[M];

export type DataTopic = 'projects' | 'components' | 'findings' | 'decisions' | 'policy' | 'jobs';

/** Event name → payload, pushed from main to every connected renderer. */
export interface ApiEvents {
  'job.progress': Job;
  'job.finished': Job;
  'data.changed': { topics: DataTopic[] };
  /** A command from the native menu for the renderer to carry out (Electron only). */
  'ui.command': { command: UiCommand };
}

export type UiCommand = 'add-folder' | 'import-sbom' | 'export' | 'open-settings' | 'show-projects';
export type ApiEventName = keyof ApiEvents;
/** A discriminated union over every event: `if (m.name === 'job.progress')` narrows the payload. */
export type ApiEventMessage = { [E in ApiEventName]: { name: E; payload: ApiEvents[E] } }[ApiEventName];

/** What every transport offers the renderer; the preload exposes exactly this as `window.auditApi`. */
export interface AuditApiBridge {
  invoke(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (message: ApiEventMessage) => void): () => void;
}
