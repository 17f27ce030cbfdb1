// Seals saved secrets (Wix API key, OAuth client secret) with the OS keyring
// through Electron's safeStorage. Chromium's "basic_text" backend on Linux
// (no keyring, e.g. a labwc kiosk) uses a fixed key, which protects nothing:
// then the core's plain codec and the file's 0600 mode are the honest choice.
import { plainCodec, type SecretCodec } from '../core/settings/secret-codec';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend(): string;
}

export const SAFE_STORAGE_KIND = 'electron-safe-storage';

export function safeStorageCodec(safeStorage: Pick<SafeStorageLike, 'encryptString' | 'decryptString'>): SecretCodec {
  return {
    kind: SAFE_STORAGE_KIND,
    encode: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decode: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

/** Call after ready (safeStorage needs it). */
export function chooseSecretCodec(safeStorage: SafeStorageLike, platform: NodeJS.Platform): SecretCodec {
  if (!safeStorage.isEncryptionAvailable()) return plainCodec;
  if (platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())) return plainCodec;
  return safeStorageCodec(safeStorage);
}
