import type { Obligation } from './policy.js';

export const decisionStates = [
  'approved',
  'approved-with-conditions',
  'rejected',
  'needs-legal-review',
  'exception',
  'not-applicable',
] as const;
/** `exception` needs an expiry date; every state but `approved` needs a rationale. */
export type DecisionState = (typeof decisionStates)[number];

export type SubjectType = 'component' | 'component-range' | 'finding' | 'path';

/** What a decision is about. Project names (not ids) travel with exported records. */
export type DecisionSubject =
  | { type: 'component'; key: string; purl: string | null; name: string | null; version: string | null; projectName: string | null }
  | { type: 'component-range'; basePurl: string; range: string; ecosystem: string; decidedOnVersion: string | null; projectName: string | null }
  | { type: 'finding'; key: string; kind: string | null; path: string | null; license: string | null; projectName: string | null }
  | { type: 'path'; pattern: string; projectName: string };

/**
 * What the reviewer saw when deciding, so a later scan can tell whether the subject changed since: a component's
 * declared license and detected license set, or a finding's license and text hash. Null when nothing was seen
 * (a decision made ahead of a scan).
 */
export type DecisionSnapshot =
  | { type: 'component'; declared: string | null; detected: string[] }
  | { type: 'finding'; license: string | null; textHash: string | null }
  | null;

export interface ReviewerIdentity {
  name: string;
  email: string;
  /** SHA-256 of the Ed25519 public key (DER SubjectPublicKeyInfo), lowercase hex. */
  keyFingerprint: string;
}

/** The part of a decision its reviewer signs: portable between workspaces (docs/decisions.md). */
export interface DecisionBody {
  format: 'clearance-decision/1';
  uid: string;
  subjectKey: string;
  subject: DecisionSubject;
  state: DecisionState;
  concludedLicense: string | null;
  rationale: string | null;
  obligations: Obligation[];
  expiresAt: string | null;
  reviewer: ReviewerIdentity;
  decidedAt: string;
  policyVersion: number | null;
  supersedesUid: string | null;
  snapshot: DecisionSnapshot;
}

/** A decision as stored: the signed body plus its place in this workspace's hash chain. */
export interface Decision extends DecisionBody {
  id: number;
  seq: number;
  projectId: number | null;
  /** 'local', or 'imported:<file name>' for records taken from a shared file. */
  origin: string;
  prevHash: string;
  hash: string;
  signature: string;
  /** The uid of the decision that replaced this one, if any. */
  supersededBy: string | null;
}

export type TrailProblem = 'altered' | 'removed' | 'reordered' | 'bad-signature' | 'unknown-key';

export type TrailVerification =
  | { ok: true; count: number; headHash: string | null }
  | { ok: false; firstBad: number; problem: TrailProblem; message: string };

export interface DecisionMatch {
  decision: Decision;
  /** direct: made for this subject in this project (or workspace-wide); else how it carried over. */
  via: 'direct' | 'version-range' | 'path-pattern' | 'other-project';
  /** "carried over from lodash@4.17.20 in project shop", null when direct. */
  carriedOverFrom: string | null;
  /** The subject differs from what the decision recorded (see `changes`). */
  changed: boolean;
  changes: string[];
  /** An exception past its expiry date. */
  expired: boolean;
  /** Other current decisions on the same subject that disagree (different state or license). */
  conflicts: Decision[];
}

export interface ImportReport {
  file: string;
  imported: number;
  duplicates: number;
  conflicts: { local: Decision; incoming: Decision }[];
  rejected: { line: number; reason: string }[];
  /** The file's own hash chain: a record removed from or moved within the shared file shows here. */
  fileTrail: TrailVerification;
}

/** One line of a shared decisions file (JSON Lines): the signed body, its place in the exporter's trail, the key. */
export interface DecisionLine {
  format: 'clearance-decision-line/1';
  seq: number;
  prevHash: string;
  hash: string;
  origin: string;
  projectId: number | null;
  body: DecisionBody;
  signature: string;
  /** The reviewer's Ed25519 public key, PEM (SubjectPublicKeyInfo). */
  publicKey: string;
}
