import { describe, expect, it } from 'vitest';
import { plainCodec } from '../core/settings/secret-codec';
import { chooseSecretCodec, SAFE_STORAGE_KIND, type SafeStorageLike } from './secret-codec';

/** Reversible but not identity, like the real thing. */
function fakeSafeStorage(available: boolean, backend: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.from(`sealed:${plain}`).reverse(),
    decryptString: (sealed) => {
      const text = Buffer.from(sealed).reverse().toString();
      if (!text.startsWith('sealed:')) throw new Error('cannot decrypt');
      return text.slice('sealed:'.length);
    },
  };
}

describe('chooseSecretCodec', () => {
  it('seals with the keyring when there is one', () => {
    const codec = chooseSecretCodec(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    expect(codec.kind).toBe(SAFE_STORAGE_KIND);
    const sealed = codec.encode('IST.key-123');
    expect(sealed).not.toContain('IST.key-123');
    expect(codec.decode(sealed)).toBe('IST.key-123');
  });

  it('does not pretend: no encryption, or a fixed-key backend, means plain', () => {
    expect(chooseSecretCodec(fakeSafeStorage(false, 'gnome_libsecret'), 'linux')).toBe(plainCodec);
    expect(chooseSecretCodec(fakeSafeStorage(true, 'basic_text'), 'linux')).toBe(plainCodec);
    expect(chooseSecretCodec(fakeSafeStorage(true, 'unknown'), 'linux')).toBe(plainCodec);
  });

  it('does not ask for the Linux backend elsewhere', () => {
    const storage = { ...fakeSafeStorage(true, 'x'), getSelectedStorageBackend: () => { throw new Error('Linux only'); } };
    expect(chooseSecretCodec(storage, 'darwin').kind).toBe(SAFE_STORAGE_KIND);
  });

  it('a value sealed elsewhere fails loudly (the store then asks for it again)', () => {
    const codec = chooseSecretCodec(fakeSafeStorage(true, 'kwallet5'), 'linux');
    expect(() => codec.decode(Buffer.from('garbage').toString('base64'))).toThrow();
  });
});
