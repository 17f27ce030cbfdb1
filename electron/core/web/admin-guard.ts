// When the web shell listens beyond loopback, settings are for whoever holds
// the admin token: FRAME_ADMIN_TOKEN, or one made at first start and kept in
// the data dir (mode 0600). It is shown on the frame's own screen and printed
// by `npm run cli -- admin-token`, never logged.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { ADMIN_TOKEN_HEADER } from '../../../shared/settings-api';
import type { Logger } from '../frame-types';
import { writeFileAtomic } from '../util/atomic-file';
import { isLoopback } from '../util/host';

export const ADMIN_TOKEN_FILE = 'admin-token';

/** The answer without the token: where a person finds it (never the log). */
export const ADMIN_TOKEN_REQUIRED = 'admin token required: see the frame’s settings screen, or run npm run cli -- admin-token on the frame';

export interface AdminGuard {
  /** Null when no token is needed (loopback only). */
  token: string | null;
  allows(req: IncomingMessage): boolean;
}

export async function createAdminGuard(host: string, configured: string | null, dataDir: string, logger: Logger): Promise<AdminGuard> {
  if (isLoopback(host)) return { token: null, allows: () => true };
  const token = await adminTokenFor(dataDir, configured);
  logger.info(`The web shell listens on ${host}: settings from other devices need the admin token (shown on the frame's settings screen; \`npm run cli -- admin-token\` prints it).`);
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

/** FRAME_ADMIN_TOKEN when set, else the one kept in the data dir (made now if there is none yet). */
export async function adminTokenFor(dataDir: string, configured: string | null): Promise<string> {
  return configured ?? (await storedToken(dataDir));
}

async function storedToken(dataDir: string): Promise<string> {
  const path = join(dataDir, ADMIN_TOKEN_FILE);
  try {
    const saved = (await readFile(path, 'utf8')).trim();
    if (saved.length >= 12) return saved;
  } catch {
    // First start: make one below.
  }
  const token = randomBytes(9).toString('base64url');
  // A card that cannot be written must not stop the web shell: the token then holds for this run.
  await writeFileAtomic(path, token, 0o600).catch(() => undefined);
  return token;
}
