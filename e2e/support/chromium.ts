import { existsSync } from 'node:fs';

/** Debian's Chromium (or FRAME_CHROMIUM); undefined lets Playwright use its own download. */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.FRAME_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}
