// Only RS256 tokens signed with the configured Wix public key are accepted.
// jose refuses "alg: none", HMAC with the public key as secret, and any other
// algorithm because the list below names RS256 alone.
import { importSPKI, jwtVerify, type CryptoKey } from 'jose';
import { ConfigError } from '../frame-types';

export type TokenVerifier = (token: string) => Promise<Record<string, unknown>>;

export async function createTokenVerifier(publicKeyPem: string): Promise<TokenVerifier> {
  let key: CryptoKey;
  try {
    key = await importSPKI(publicKeyPem.trim(), 'RS256');
  } catch {
    throw new ConfigError('WIX_WEBHOOK_PUBLIC_KEY must be an RSA public key in PEM form ("-----BEGIN PUBLIC KEY-----"), as shown in the Wix app dashboard; the given key could not be read.');
  }
  return async (token) => {
    // A frame without a real-time clock may be minutes off until NTP syncs.
    const { payload } = await jwtVerify(token, key, { algorithms: ['RS256'], clockTolerance: '1h' });
    return payload as Record<string, unknown>;
  };
}
