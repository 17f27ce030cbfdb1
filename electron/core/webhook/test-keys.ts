// A local key pair for trying the webhook path without Wix: the demo frame
// trusts its public half, `npm run webhook:test` signs with the private half.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, type CryptoKey } from 'jose';
import { writeFileAtomic } from '../util/atomic-file';

export interface TestKeyPaths {
  privateKey: string;
  publicKey: string;
}

export function testKeyPaths(dataDir: string): TestKeyPaths {
  return { privateKey: join(dataDir, 'webhook-test-key.pem'), publicKey: join(dataDir, 'webhook-test-key.pub.pem') };
}

/** Reads the pair, creating it first when there is none (kept for this run only when it cannot be saved). */
export async function ensureTestKeys(dataDir: string, writeFailed: (error: unknown, path: string) => void = () => undefined): Promise<{ paths: TestKeyPaths; publicPem: string; privateKey: CryptoKey; created: boolean }> {
  const paths = testKeyPaths(dataDir);
  try {
    const [privatePem, publicPem] = await Promise.all([readFile(paths.privateKey, 'utf8'), readFile(paths.publicKey, 'utf8')]);
    return { paths, publicPem, privateKey: await importPKCS8(privatePem, 'RS256'), created: false };
  } catch {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const publicPem = await exportSPKI(pair.publicKey);
    try {
      await writeFileAtomic(paths.privateKey, await exportPKCS8(pair.privateKey), 0o600);
      await writeFileAtomic(paths.publicKey, publicPem);
    } catch (error) {
      writeFailed(error, paths.privateKey);
    }
    return { paths, publicPem, privateKey: pair.privateKey, created: true };
  }
}
