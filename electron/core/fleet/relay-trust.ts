// Which relay a frame believes: the key pinned by FRAME_RELAY_PUBLIC_KEY, or
// else the first one it met on the broker (trust on first use), kept in the
// data dir so a later impostor is refused. Delete relay-key.pub.pem to re-pin.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeProtectedHeader, importSPKI, type CryptoKey } from 'jose';
import { ConfigError, type Logger } from '../frame-types';
import { writeFileAtomic } from '../util/atomic-file';
import { keyFingerprint, RELAY_ALG, verifyEnvelope, type RelayEnvelope } from './relay-signing';

export type KeySource = 'env' | 'first-use';

export interface RelayKeyInfo {
  fingerprint: string;
  source: KeySource;
}

export class RelayTrust {
  private key: CryptoKey | null = null;
  private info: RelayKeyInfo | null = null;
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly path: string,
    private readonly logger: Logger,
  ) {}

  static async open(dataDir: string, pinnedPem: string | null, logger: Logger): Promise<RelayTrust> {
    const trust = new RelayTrust(join(dataDir, 'relay-key.pub.pem'), logger);
    if (pinnedPem) {
      await trust.pin(pinnedPem, 'env').catch(() => {
        throw new ConfigError('FRAME_RELAY_PUBLIC_KEY must be the relay\'s Ed25519 public key (relay-signing-key.pub.pem in the relay\'s data folder).');
      });
      return trust;
    }
    const saved = await readFile(trust.path, 'utf8').catch(() => null);
    if (saved) await trust.pin(saved, 'first-use').catch(() => logger.warn(`${trust.path} is not a usable key; the next relay met will be trusted.`));
    return trust;
  }

  get pinned(): RelayKeyInfo | null {
    return this.info;
  }

  onPinned(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The relay's key announcement: pinned if no key is yet, and signed by itself. */
  async offer(topic: string, payload: Buffer): Promise<void> {
    if (this.key) return;
    try {
      const header = decodeProtectedHeader(payload.toString());
      if (header.alg !== RELAY_ALG) return;
      const body = JSON.parse(Buffer.from(payload.toString().split('.')[1] ?? '', 'base64url').toString()) as { body?: { publicKeyPem?: unknown } };
      const pem = body.body?.publicKeyPem;
      if (typeof pem !== 'string') return;
      const key = await importSPKI(pem, RELAY_ALG, { extractable: true });
      if (!(await verifyEnvelope(key, topic, payload))) return;
      await writeFileAtomic(this.path, pem);
      await this.pin(pem, 'first-use');
      this.logger.info(`Trusting the relay key ${this.info!.fingerprint} on first use (saved in ${this.path}).`);
      for (const listener of this.listeners) listener();
    } catch (error) {
      this.logger.warn(`Relay key announcement ignored: ${(error as Error).message}`);
    }
  }

  verify(topic: string, payload: Buffer): Promise<RelayEnvelope<unknown> | null> {
    return this.key ? verifyEnvelope(this.key, topic, payload) : Promise.resolve(null);
  }

  private async pin(pem: string, source: KeySource): Promise<void> {
    this.key = await importSPKI(pem.trim(), RELAY_ALG, { extractable: true });
    this.info = { fingerprint: await keyFingerprint(this.key), source };
  }
}
