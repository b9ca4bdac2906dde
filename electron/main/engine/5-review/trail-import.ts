import path from 'node:path';
import type { Decision, DecisionLine, ImportReport } from '../../../../shared/model/decision.js';
import type { WritableDb } from '../../db/db-types.js';
import { allDecisions, currentDecisions, insertDecision, trailTail } from '../../db/repositories/decisions-repo.js';
import { insertKey } from '../../db/repositories/reviewers-repo.js';
import { projectRefs } from '../../db/repositories/review-subjects-repo.js';
import { canonicalJson } from './canonical-json.js';
import { chainHash, genesisHash, signedBytes } from './decision-chain.js';
import { fingerprintOf, verifyBytes } from './reviewer-keys.js';
import { bodyOf, parseDecisionLine } from './trail-io.js';
import { verifyTrail } from './verify-trail.js';

function scopeOf(d: { subject: Decision['subject'] }): string | null {
  return 'projectName' in d.subject ? d.subject.projectName : null;
}

function disagree(a: Decision, b: Decision): boolean {
  return a.state !== b.state || (a.concludedLicense ?? '') !== (b.concludedLicense ?? '');
}

/** Checks a line's key and signature; the reason when it cannot be trusted. */
function untrusted(line: DecisionLine): string | null {
  let fingerprint: string;
  try {
    fingerprint = fingerprintOf(line.publicKey);
  } catch (error) {
    return `unreadable public key (${(error as Error).message})`;
  }
  if (fingerprint !== line.body.reviewer.keyFingerprint) return 'the public key is not the one the record names';
  if (!verifyBytes(line.publicKey, signedBytes(line.body), line.signature)) return `the signature of ${line.body.reviewer.email} does not match the record`;
  return null;
}

/**
 * Takes the verifiable records of a shared decisions file (JSON Lines) into the workspace, chained after the
 * local ones and marked `imported:<file>`. Records already present count as duplicates; an incoming current
 * decision that disagrees with a local current one on the same subject is kept and reported side by side with
 * it, never silently preferred.
 */
export function importDecisionLines(db: WritableDb, content: string, file: string): ImportReport {
  const fileName = path.basename(file);
  const rejected: ImportReport['rejected'] = [];
  const lines: DecisionLine[] = [];
  content.split(/\r?\n/).forEach((text, i) => {
    if (text.trim() === '') return;
    const parsed = parseDecisionLine(text);
    if (!parsed.ok) return rejected.push({ line: i + 1, reason: parsed.reason });
    const problem = untrusted(parsed.line);
    if (problem) return rejected.push({ line: i + 1, reason: problem });
    lines.push(parsed.line);
  });
  const keys = new Map(lines.map((l) => [l.body.reviewer.keyFingerprint, l.publicKey]));
  const fileTrail = verifyTrail(
    lines.map((l) => ({ body: l.body, position: { seq: l.seq, prevHash: l.prevHash, origin: l.origin, projectId: l.projectId }, hash: l.hash, signature: l.signature })),
    keys,
  );
  const supersededInFile = new Set(lines.map((l) => l.body.supersedesUid).filter((uid): uid is string => uid !== null));
  const projects = new Map(projectRefs(db).map((p) => [p.name, p.id]));
  return db
    .transaction((): ImportReport => {
      const local = new Map(allDecisions(db).map((d) => [d.uid, d]));
      const localCurrent = currentDecisions(db);
      let imported = 0;
      let duplicates = 0;
      const conflicts: ImportReport['conflicts'] = [];
      for (const line of [...lines].sort((a, b) => a.seq - b.seq)) {
        const existing = local.get(line.body.uid);
        if (existing) {
          if (canonicalJson(bodyOf(existing)) === canonicalJson(line.body)) duplicates++;
          else rejected.push({ line: line.seq, reason: `uid ${line.body.uid} is already used here by a different record` });
          continue;
        }
        const tail = trailTail(db);
        const name = scopeOf(line.body);
        const position = {
          seq: (tail?.seq ?? 0) + 1,
          prevHash: tail?.hash ?? genesisHash,
          origin: `imported:${fileName}`,
          projectId: name === null ? null : (projects.get(name) ?? null),
        };
        const record = { ...line.body, ...position, hash: chainHash(line.body, position), signature: line.signature };
        const id = insertDecision(db, record);
        insertKey(db, {
          fingerprint: line.body.reviewer.keyFingerprint,
          name: line.body.reviewer.name,
          email: line.body.reviewer.email,
          publicKey: line.publicKey,
          sealedPrivateKey: null,
          createdAt: new Date().toISOString(),
          origin: `imported:${fileName}`,
        });
        const incoming: Decision = { ...record, id, supersededBy: null };
        imported++;
        if (supersededInFile.has(incoming.uid)) continue;
        for (const mine of localCurrent) {
          if (mine.subjectKey !== incoming.subjectKey || scopeOf(mine) !== name) continue;
          if (incoming.supersedesUid === mine.uid || !disagree(mine, incoming)) continue;
          conflicts.push({ local: mine, incoming });
        }
      }
      return { file: fileName, imported, duplicates, conflicts, rejected, fileTrail };
    })
    .immediate();
}
