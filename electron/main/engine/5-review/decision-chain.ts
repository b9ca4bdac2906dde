import { createHash } from 'node:crypto';
import type { DecisionBody } from '../../../../shared/model/decision.js';
import { canonicalJson } from './canonical-json.js';

/** The prev_hash of the first record. */
export const genesisHash = '0'.repeat(64);

/** Where a record sits in one workspace's trail; covered by the chain hash, not by the reviewer's signature. */
export interface ChainPosition {
  seq: number;
  prevHash: string;
  origin: string;
  projectId: number | null;
}

/** The bytes the reviewer signs: the canonical body. */
export function signedBytes(body: DecisionBody): Buffer {
  return Buffer.from(canonicalJson(body), 'utf8');
}

/** The bytes the chain hash covers: `{body, origin, prevHash, projectId, seq}`, canonical. */
export function chainBytes(body: DecisionBody, position: ChainPosition): Buffer {
  return Buffer.from(
    canonicalJson({ body, origin: position.origin, prevHash: position.prevHash, projectId: position.projectId, seq: position.seq }),
    'utf8',
  );
}

export function chainHash(body: DecisionBody, position: ChainPosition): string {
  return createHash('sha256').update(chainBytes(body, position)).digest('hex');
}
