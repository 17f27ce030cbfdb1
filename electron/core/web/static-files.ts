// Serves the built renderer. Unknown paths without a file extension get
// index.html, so /settings works as an app route.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** `pageHeaders` go with the page itself (index.html), not with its assets. */
export async function serveStatic(rootDir: string, pathname: string, res: ServerResponse, pageHeaders: Record<string, string> = {}): Promise<boolean> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const wantsFile = extname(relative) !== '';
  const target = wantsFile ? normalize(join(rootDir, relative)) : join(rootDir, 'index.html');
  if (target !== rootDir && !target.startsWith(rootDir + sep)) return false;
  try {
    const info = await stat(target);
    if (!info.isFile()) return false;
    const immutable = relative.startsWith('/assets/');
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(wantsFile ? {} : pageHeaders),
    });
    createReadStream(target).pipe(res);
    return true;
  } catch {
    return false;
  }
}
