// When the web shell listens beyond loopback, settings are for whoever holds
// the admin token: FRAME_ADMIN_TOKEN, or one made at first start, kept in the
// data dir, printed to the log and shown on the frame's own screen.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { ADMIN_TOKEN_HEADER } from '../../../shared/settings-api';
import type { Logger } from '../frame-types';
import { writeFileAtomic } from '../util/atomic-file';

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/, '');
  return plain === '::1' || plain === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(plain);
}

export interface AdminGuard {
  /** Null when no token is needed (loopback only). */
  token: string | null;
  allows(req: IncomingMessage): boolean;
}

export async function createAdminGuard(host: string, configured: string | null, dataDir: string, logger: Logger): Promise<AdminGuard> {
  if (isLoopback(host)) return { token: null, allows: () => true };
  const token = configured ?? (await storedToken(dataDir));
  logger.info(`The web shell listens on ${host}: settings need the admin token ${token} (also shown on the frame's screen).`);
  const expected = Buffer.from(token);
  return {
    token,
    allows(req) {
      const given = req.headers[ADMIN_TOKEN_HEADER];
      const buffer = Buffer.from(typeof given === 'string' ? given : '');
      return buffer.length === expected.length && timingSafeEqual(buffer, expected);
    },
  };
}

async function storedToken(dataDir: string): Promise<string> {
  const path = join(dataDir, 'admin-token');
  try {
    const saved = (await readFile(path, 'utf8')).trim();
    if (saved.length >= 12) return saved;
  } catch {
    // First start: make one below.
  }
  const token = randomBytes(9).toString('base64url');
  await writeFileAtomic(path, token, 0o600);
  return token;
}
