// frame-app://app/ serves the built renderer (dist/renderer) to the kiosk
// window, in place of file://: the page gets a real origin, the Electron
// security checklist's custom protocol, and file: keeps no extra privileges
// (electron-builder.yml: grantFileProtocolExtraPrivileges false). Only files
// inside the renderer folder are answered; anything else is a 404.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { contentSecurityPolicy } from './csp';
import { APP_HOST, APP_SCHEME } from './app-url';
import type { ProtocolHandlerRegistry } from './media-protocol';

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  // standard: an origin and relative URLs like http; secure: a secure context;
  // supportFetchAPI: the page's watchdog fetches its own index.html.
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const notFound = () => new Response('Not found.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export function appRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Only GET is supported.', { status: 405 });
    let url: URL;
    let path: string;
    try {
      url = new URL(request.url);
      path = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    const target = normalize(join(root, path === '/' ? 'index.html' : path));
    const type = TYPES[extname(target)];
    if (!target.startsWith(root + sep) || !type) return notFound();
    const info = await stat(target).catch(() => null);
    if (!info?.isFile()) return notFound();
    return new Response(request.method === 'HEAD' ? null : await readFile(target), {
      status: 200,
      headers: { 'content-type': type, 'content-security-policy': contentSecurityPolicy(), 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' },
    });
  };
}

/** After ready: answers frame-app:// requests in the default session. */
export function handleAppProtocol(protocol: ProtocolHandlerRegistry, rendererDir: string): void {
  protocol.handle(APP_SCHEME, appRequestHandler(rendererDir));
}
