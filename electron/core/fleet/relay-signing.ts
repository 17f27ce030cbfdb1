// The relay signs everything it publishes (EdDSA, Ed25519, compact JWS with
// the topic inside), so frames believe only the relay whoever else can
// publish on the broker. The key pair lives in the relay's data dir.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, CompactSign, compactVerify, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, type CryptoKey } from 'jose';
import { writeFileAtomic } from '../util/atomic-file';

export const RELAY_ALG = 'EdDSA';

/** What every signed message carries besides its body. */
export interface RelayEnvelope<T> {
  topic: string;
  /** Grows at every relay start; with seq it orders messages across restarts. */
  epoch: number;
  seq: number;
  at: string;
  body: T;
}

export interface RelayKeys {
  privateKey: CryptoKey;
  publicPem: string;
  fingerprint: string;
  publicKeyPath: string;
}

export async function keyFingerprint(publicKey: CryptoKey): Promise<string> {
  return calculateJwkThumbprint(await exportJWK(publicKey), 'sha256');
}

/** Loads the relay's key pair, making one on first start (private key mode 0600). */
export async function loadRelayKeys(dataDir: string): Promise<RelayKeys> {
  const privatePath = join(dataDir, 'relay-signing-key.pem');
  const publicKeyPath = join(dataDir, 'relay-signing-key.pub.pem');
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  try {
    const privatePem = await readFile(privatePath, 'utf8');
    privateKey = await importPKCS8(privatePem, RELAY_ALG, { extractable: true });
    publicKey = await importSPKI(await readFile(publicKeyPath, 'utf8'), RELAY_ALG, { extractable: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    ({ privateKey, publicKey } = await generateKeyPair(RELAY_ALG, { crv: 'Ed25519', extractable: true }));
    await writeFileAtomic(privatePath, await exportPKCS8(privateKey), 0o600);
    await writeFileAtomic(publicKeyPath, await exportSPKI(publicKey));
  }
  return { privateKey, publicPem: await exportSPKI(publicKey), fingerprint: await keyFingerprint(publicKey), publicKeyPath };
}

export async function signEnvelope<T>(privateKey: CryptoKey, envelope: RelayEnvelope<T>): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(envelope))).setProtectedHeader({ alg: RELAY_ALG, typ: 'frame-relay' }).sign(privateKey);
}

/** The envelope, if the signature is the key's and it was made for this topic; null otherwise. */
export async function verifyEnvelope(publicKey: CryptoKey, topic: string, payload: Buffer | string): Promise<RelayEnvelope<unknown> | null> {
  try {
    const { payload: bytes } = await compactVerify(payload.toString(), publicKey, { algorithms: [RELAY_ALG] });
    const envelope = JSON.parse(new TextDecoder().decode(bytes)) as RelayEnvelope<unknown>;
    if (envelope.topic !== topic || !Number.isFinite(envelope.epoch) || !Number.isFinite(envelope.seq)) return null;
    return envelope;
  } catch {
    return null;
  }
}

/** Orders (epoch, seq) pairs. */
export function compareVersion(a: { epoch: number; seq: number }, b: { epoch: number; seq: number }): number {
  return a.epoch !== b.epoch ? a.epoch - b.epoch : a.seq - b.seq;
}
