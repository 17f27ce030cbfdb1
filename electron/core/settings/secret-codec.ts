// How secrets are sealed at rest. Electron passes one backed by safeStorage
// (the OS keyring) where available; elsewhere the file's 0600 mode protects them.

export interface SecretCodec {
  /** Short name stored beside the data, so a file is read back with the right codec. */
  readonly kind: string;
  encode(plain: string): string;
  decode(sealed: string): string;
}

export const plainCodec: SecretCodec = {
  kind: 'plain',
  encode: (plain) => plain,
  decode: (sealed) => sealed,
};
