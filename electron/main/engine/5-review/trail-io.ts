import { z } from 'zod';
import { decisionStates, type Decision, type DecisionBody, type DecisionLine } from '../../../../shared/model/decision.js';
import { obligationKinds } from '../../../../shared/model/policy.js';
import { canonicalJson } from './canonical-json.js';

export function bodyOf(d: Decision): DecisionBody {
  return {
    format: 'clearance-decision/1',
    uid: d.uid,
    subjectKey: d.subjectKey,
    subject: d.subject,
    state: d.state,
    concludedLicense: d.concludedLicense,
    rationale: d.rationale,
    obligations: d.obligations,
    expiresAt: d.expiresAt,
    reviewer: d.reviewer,
    decidedAt: d.decidedAt,
    policyVersion: d.policyVersion,
    supersedesUid: d.supersedesUid,
    snapshot: d.snapshot,
  };
}

/** One exported line; keys are written in canonical order so the file is stable. */
export function decisionLine(d: Decision, publicKey: string): string {
  const line: DecisionLine = {
    format: 'clearance-decision-line/1',
    seq: d.seq,
    prevHash: d.prevHash,
    hash: d.hash,
    origin: d.origin,
    projectId: d.projectId,
    body: bodyOf(d),
    signature: d.signature,
    publicKey,
  };
  return canonicalJson(line);
}

const nullableString = z.string().nullable();
const subject = z.discriminatedUnion('type', [
  z.object({ type: z.literal('component'), key: z.string(), purl: nullableString, name: nullableString, version: nullableString, projectName: nullableString }).strict(),
  z
    .object({ type: z.literal('component-range'), basePurl: z.string(), range: z.string(), ecosystem: z.string(), decidedOnVersion: nullableString, projectName: nullableString })
    .strict(),
  z.object({ type: z.literal('finding'), key: z.string(), kind: nullableString, path: nullableString, license: nullableString, projectName: nullableString }).strict(),
  z.object({ type: z.literal('path'), pattern: z.string(), projectName: z.string() }).strict(),
]);
const snapshot = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('component'), declared: nullableString, detected: z.array(z.string()) }).strict(),
    z.object({ type: z.literal('finding'), license: nullableString, textHash: nullableString }).strict(),
  ])
  .nullable();

const lineSchema = z
  .object({
    format: z.literal('clearance-decision-line/1'),
    seq: z.number().int().positive(),
    prevHash: z.string().regex(/^[0-9a-f]{64}$/),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    origin: z.string(),
    projectId: z.number().int().nullable(),
    signature: z.string().min(1),
    publicKey: z.string().includes('BEGIN PUBLIC KEY'),
    body: z
      .object({
        format: z.literal('clearance-decision/1'),
        uid: z.string().min(1),
        subjectKey: z.string().min(1),
        subject,
        state: z.enum(decisionStates),
        concludedLicense: nullableString,
        rationale: nullableString,
        obligations: z.array(z.enum(obligationKinds)),
        expiresAt: nullableString,
        reviewer: z.object({ name: z.string(), email: z.string(), keyFingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
        decidedAt: z.string(),
        policyVersion: z.number().int().nullable(),
        supersedesUid: nullableString,
        snapshot,
      })
      .strict(),
  })
  .strict();

export type ParsedLine = { ok: true; line: DecisionLine } | { ok: false; reason: string };

/** Reads one line of a shared file; every problem is a reason, never an exception. */
export function parseDecisionLine(text: string): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `not a decision record: ${issue.path.join('.') || '(line)'}: ${issue.message}` };
  }
  return { ok: true, line: parsed.data as DecisionLine };
}
