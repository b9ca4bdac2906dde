import type { KeyObject } from 'node:crypto';
import type { ReviewerInfo } from '../../../../shared/api/review-contract.js';
import { AppError } from '../../../../shared/api/errors.js';
import type { ReadableDb, WritableDb } from '../../db/db-types.js';
import { currentReviewer, findSigningKey, insertKey } from '../../db/repositories/reviewers-repo.js';
import { generateReviewerKey, unsealKey } from './reviewer-keys.js';

export interface Identity {
  name: string;
  email: string;
}

/** Keys unlocked in this process, per workspace connection, so a passphrase is asked once per session. */
const unlocked = new WeakMap<object, Map<string, KeyObject>>();

function cacheOf(db: ReadableDb): Map<string, KeyObject> {
  let cache = unlocked.get(db);
  if (!cache) unlocked.set(db, (cache = new Map()));
  return cache;
}

/** The passphrase given, else CLEARANCE_PASSPHRASE from the environment (CLI, CI). */
export function passphraseFrom(given: string | undefined): string | undefined {
  return given ?? (process.env['CLEARANCE_PASSPHRASE'] || undefined);
}

export function identityOrThrow(db: ReadableDb, given: Identity | undefined): Identity {
  const identity = given ?? currentReviewer(db);
  if (!identity) throw new AppError('bad-request', 'who is deciding? set the reviewer first (name and email)', { reason: 'reviewer-required' });
  return identity;
}

export function reviewerInfo(db: ReadableDb, given?: Identity): ReviewerInfo {
  const identity = given ?? currentReviewer(db);
  if (!identity) return { name: null, email: null, keyFingerprint: null, keyStatus: 'none' };
  const key = findSigningKey(db, identity.email);
  return {
    name: identity.name,
    email: identity.email,
    keyFingerprint: key?.fingerprint ?? null,
    keyStatus: !key ? 'none' : cacheOf(db).has(key.fingerprint) ? 'unlocked' : 'locked',
  };
}

/**
 * The reviewer's signing key, unlocked: made on first use (sealed with the passphrase), else opened with the
 * passphrase, else taken from this session's unlocked keys. Never prompts: a missing passphrase is an error
 * that says how to give one.
 */
export function signingKey(db: WritableDb, identity: Identity, passphrase: string | undefined): { fingerprint: string; privateKey: KeyObject } {
  const cache = cacheOf(db);
  const stored = findSigningKey(db, identity.email);
  const given = passphraseFrom(passphrase);
  if (!stored) {
    if (!given) {
      throw new AppError('bad-request', `${identity.name} <${identity.email}> has no signing key yet: give a passphrase to create one (CLEARANCE_PASSPHRASE)`, {
        reason: 'passphrase-required',
      });
    }
    const key = generateReviewerKey(given);
    insertKey(db, {
      fingerprint: key.fingerprint,
      name: identity.name,
      email: identity.email,
      publicKey: key.publicKeyPem,
      sealedPrivateKey: JSON.stringify(key.sealed),
      createdAt: new Date().toISOString(),
      origin: 'local',
    });
    cache.set(key.fingerprint, key.privateKey);
    return { fingerprint: key.fingerprint, privateKey: key.privateKey };
  }
  const open = cache.get(stored.fingerprint);
  if (open && !passphrase) return { fingerprint: stored.fingerprint, privateKey: open };
  if (!given) {
    throw new AppError('bad-request', `the signing key of ${identity.name} <${identity.email}> is locked: give its passphrase (CLEARANCE_PASSPHRASE)`, {
      reason: 'passphrase-required',
    });
  }
  const privateKey = unsealKey(stored.sealedPrivateKey!, given, `${identity.name} <${identity.email}>`);
  cache.set(stored.fingerprint, privateKey);
  return { fingerprint: stored.fingerprint, privateKey };
}
