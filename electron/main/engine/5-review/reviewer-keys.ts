import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, sign, verify, type KeyObject } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors.js';

/** A reviewer's Ed25519 private key at rest: PKCS#8 DER sealed with AES-256-GCM under a scrypt-derived key. */
export interface SealedKey {
  format: 'clearance-sealed-key/1';
  kdf: { name: 'scrypt'; salt: string; N: number; r: number; p: number };
  cipher: { name: 'aes-256-gcm'; iv: string; tag: string };
  ciphertext: string;
}

/** scrypt cost: about 0.1 s and 32 MiB per unlock, stored with the key so it can be raised later. */
const defaultCost = { N: 1 << 15, r: 8, p: 1 };

function deriveKey(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...cost, maxmem: 128 * cost.N * cost.r * 2 });
}

export interface GeneratedKey {
  publicKeyPem: string;
  fingerprint: string;
  sealed: SealedKey;
  privateKey: KeyObject;
}

/** SHA-256 over the public key's DER SubjectPublicKeyInfo, hex: `openssl pkey -pubin -outform DER | sha256sum`. */
export function fingerprintOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

export function generateReviewerKey(passphrase: string): GeneratedKey {
  if (passphrase.length < 8) throw new AppError('bad-request', 'the passphrase protecting a reviewer key must have at least 8 characters');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, defaultCost), iv);
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const ciphertext = Buffer.concat([cipher.update(der), cipher.final()]);
  return {
    publicKeyPem,
    fingerprint: fingerprintOf(publicKeyPem),
    privateKey,
    sealed: {
      format: 'clearance-sealed-key/1',
      kdf: { name: 'scrypt', salt: salt.toString('base64'), ...defaultCost },
      cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
      ciphertext: ciphertext.toString('base64'),
    },
  };
}

/** Opens a sealed key. A wrong passphrase fails GCM's authentication: reported as such, never as a crash. */
export function unsealKey(sealedJson: string, passphrase: string, whose: string): KeyObject {
  let sealed: SealedKey;
  try {
    sealed = JSON.parse(sealedJson) as SealedKey;
    if (sealed.format !== 'clearance-sealed-key/1') throw new Error(`unknown format ${String(sealed.format)}`);
  } catch (error) {
    throw new AppError('unreadable-input', `the stored key of ${whose} is unreadable (${(error as Error).message})`);
  }
  const { N, r, p } = sealed.kdf;
  let der: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, Buffer.from(sealed.kdf.salt, 'base64'), { N, r, p }), Buffer.from(sealed.cipher.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.cipher.tag, 'base64'));
    der = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('bad-request', `wrong passphrase for the reviewer key of ${whose}`, { reason: 'wrong-passphrase' });
  }
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export function signBytes(privateKey: KeyObject, bytes: Buffer): string {
  return sign(null, bytes, privateKey).toString('base64');
}

/** False for a malformed key or signature as well as for a signature that does not match. */
export function verifyBytes(publicKeyPem: string, bytes: Buffer, signature: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function publicKeyFromPrivate(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}
