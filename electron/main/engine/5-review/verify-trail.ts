import type { DecisionBody, TrailVerification } from '../../../../shared/model/decision.js';
import { chainHash, genesisHash, signedBytes, type ChainPosition } from './decision-chain.js';
import { verifyBytes } from './reviewer-keys.js';

export interface TrailRecord {
  body: DecisionBody;
  position: ChainPosition;
  hash: string;
  signature: string;
  /** False when a stored column that is derived from the body (subject type, key …) disagrees with it. */
  consistent?: boolean;
}

/** What the workspace remembers of the trail's end, so that removing the last records is noticed too. */
export interface TrailHead {
  seq: number;
  hash: string;
}

function label(r: TrailRecord): string {
  return `record #${r.position.seq} (${r.body.uid}, ${r.body.subjectKey})`;
}

function bad(firstBad: number, problem: Extract<TrailVerification, { ok: false }>['problem'], message: string): TrailVerification {
  return { ok: false, firstBad, problem, message };
}

/** The seq a record was hashed at, when it is not the one it now carries (the record was moved). */
function originalSeq(r: TrailRecord, count: number): number | null {
  for (let seq = 1; seq <= count + 1; seq++) {
    if (seq !== r.position.seq && chainHash(r.body, { ...r.position, seq }) === r.hash) return seq;
  }
  return null;
}

/**
 * Walks the trail in seq order and names the first record that was altered, removed or reordered, or whose
 * signature fails or whose key is unknown. `publicKeys` maps a key fingerprint to its PEM public key.
 */
export function verifyTrail(records: TrailRecord[], publicKeys: ReadonlyMap<string, string>, head: TrailHead | null = null): TrailVerification {
  const sorted = [...records].sort((a, b) => a.position.seq - b.position.seq);
  const indexOfHash = new Map(sorted.map((r, i) => [r.hash, i]));
  let expectedSeq = 1;
  let expectedPrev = genesisHash;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    if (r.consistent === false || chainHash(r.body, r.position) !== r.hash) {
      const seq = r.consistent === false ? null : originalSeq(r, sorted.length);
      if (seq === null) return bad(r.position.seq, 'altered', `${label(r)} was altered: its content no longer matches its hash`);
      const predecessorKnown = r.position.prevHash === genesisHash || indexOfHash.has(r.position.prevHash);
      if (!predecessorKnown) return bad(seq - 1, 'removed', `record #${seq - 1} was removed: ${label(r)} was written as #${seq} after it`);
      return bad(r.position.seq, 'reordered', `${label(r)} was moved: it was written as #${seq}`);
    }
    if (r.position.seq !== expectedSeq || r.position.prevHash !== expectedPrev) {
      const later = indexOfHash.get(r.position.prevHash);
      if (later !== undefined && later > i) return bad(r.position.seq, 'reordered', `${label(r)} is out of order: it follows record #${sorted[later]!.position.seq}`);
      if (r.position.seq > expectedSeq) return bad(expectedSeq, 'removed', `record #${expectedSeq} was removed: the trail goes from #${expectedSeq - 1} to #${r.position.seq}`);
      if (r.position.seq < expectedSeq) return bad(r.position.seq, 'reordered', `${label(r)} repeats a position already taken`);
      const previous = sorted[i - 1];
      return previous
        ? bad(previous.position.seq, 'altered', `${label(previous)} was rewritten after ${label(r)} was chained to it`)
        : bad(r.position.seq, 'removed', `${label(r)} does not start the trail: earlier records were removed`);
    }
    const publicKey = publicKeys.get(r.body.reviewer.keyFingerprint);
    if (!publicKey) return bad(r.position.seq, 'unknown-key', `${label(r)} is signed by an unknown key ${r.body.reviewer.keyFingerprint.slice(0, 16)}…`);
    if (!verifyBytes(publicKey, signedBytes(r.body), r.signature)) {
      const next = sorted[i + 1];
      if (next && next.position.prevHash !== r.hash) return bad(r.position.seq, 'altered', `${label(r)} was altered and re-hashed: its signature no longer matches`);
      return bad(r.position.seq, 'bad-signature', `${label(r)}: the signature of ${r.body.reviewer.name} <${r.body.reviewer.email}> does not match`);
    }
    expectedSeq = r.position.seq + 1;
    expectedPrev = r.hash;
  }
  if (head && head.seq > expectedSeq - 1) {
    return bad(expectedSeq, 'removed', `record #${expectedSeq} was removed: the workspace recorded ${head.seq} records, the trail holds ${expectedSeq - 1}`);
  }
  if (head && head.seq === expectedSeq - 1 && head.seq > 0 && head.hash !== expectedPrev) {
    return bad(head.seq, 'altered', `record #${head.seq} was rewritten: the trail's end no longer matches the hash the workspace recorded`);
  }
  return { ok: true, count: sorted.length, headHash: sorted.length > 0 ? expectedPrev : null };
}
