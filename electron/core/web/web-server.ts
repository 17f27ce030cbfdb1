// The web shell's HTTP server: the renderer, its snapshot and SSE stream,
// screen-sized media, the public state and health endpoints. Every request
// passes the gate (request-gate.ts) first and every answer carries the page
// security headers; routes added here are covered without doing anything.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { parseMediaPath, parseVideoPath } from '../../../shared/media';
import { SHOW_COMMAND_EVENT } from '../../../shared/show';
import { SNAPSHOT_EVENT, WebPaths } from '../../../shared/web-api';
import type { Logger, RunningFrame } from '../frame-types';
import { createAdminGuard } from './admin-guard';
import { handleSettingsRoute } from './settings-routes';
import { handleShowRoute } from './show-routes';
import { SseHub } from './sse-hub';
import { listen } from '../util/listen';
import { createRequestGate, type Refusal } from './request-gate';
import { PAGE_SECURITY_HEADERS } from './security-headers';
import { serveStatic } from './static-files';
import { publicState } from './public-state';
import { setupLink } from './setup-link';
import { SettingsPaths, type SetupLink } from '../../../shared/settings-api';
import { errorAnswer } from './error-answer';

// The page's first request after its script is the snapshot: asked for with
// the page itself, it is there when the script has started (web-bridge.ts
// fetches exactly this: same path, CORS mode, same-origin credentials).
const PAGE_PRELOADS = { link: `<${WebPaths.snapshot}>; rel=preload; as=fetch; crossorigin` };

export interface WebServerOptions {
  frame: RunningFrame;
  rendererDir: string;
  host: string;
  port: number;
  /** FRAME_HTTP_ALLOWED_HOSTS: extra host names the shell answers to. */
  allowedHosts?: readonly string[];
  /** FRAME_ADMIN_TOKEN, when set. */
  adminToken: string | null;
  dataDir: string;
  logger: Logger;
}

export interface RunningWebServer {
  url: string;
  /** The address (and QR code) a phone on the same network opens for the settings. */
  setupLink(): SetupLink;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const { frame, rendererDir, logger } = options;
  const hub = new SseHub();
  const guard = await createAdminGuard(options.host, options.adminToken, options.dataDir, logger);
  const unsubscribe = frame.onSnapshot((snapshot) => hub.broadcast(SNAPSHOT_EVENT, snapshot));
  let port = options.port;
  // Asked for rarely (a screen that shows the QR); the interfaces are read each time, so a new DHCP lease shows.
  const linkNow = () => setupLink({ bindHost: options.host, port, token: guard.token });

  const gate = createRequestGate({ bindHost: options.host, port: () => (server.address() as AddressInfo).port, allowedHosts: options.allowedHosts ?? [] });
  const loggedRefusals = new Set<string>();
  // Next and previous reach every page showing the frame.
  const unsubscribeCommands = frame.onShowCommand((command) => hub.broadcast(SHOW_COMMAND_EVENT, command));

  const server = createServer((req, res) => {
    for (const [name, value] of PAGE_SECURITY_HEADERS) res.setHeader(name, value);
    const refusal = gate(req);
    if (refusal) return refuse(req, res, refusal);
    handle(req, res).catch((error: unknown) => {
      logger.error(`Web request ${req.method} ${req.url} failed: ${(error as Error).message}`);
      if (res.headersSent) return void res.destroy();
      const { status, body } = errorAnswer(error);
      sendJson(res, status, body);
    });
  });

  function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
    // Each distinct reason once, and at most 100 of them, so a hostile page cannot flood the log.
    if (!loggedRefusals.has(refusal.message) && loggedRefusals.size < 100) {
      loggedRefusals.add(refusal.message);
      const more = loggedRefusals.size === 100 ? ' (further refusals are not logged)' : '';
      logger.warn(`Web shell: ${req.method} ${req.url?.slice(0, 100)} from ${req.socket.remoteAddress}: ${refusal.message}${more}`);
    }
    req.resume();
    res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
    res.end(`${refusal.message}\n`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://frame.local');
    if (await handleSettingsRoute(req, res, url, frame.settings, guard, sendJson)) return;
    if (await handleShowRoute(req, res, url, frame, guard, sendJson)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' });
    switch (url.pathname) {
      case WebPaths.state:
        return sendJson(res, 200, publicState(frame.getSnapshot().gallery));
      case WebPaths.snapshot:
        return sendJson(res, 200, frame.getSnapshot());
      case WebPaths.health: {
        const health = frame.health();
        return sendJson(res, 200, health);
      }
      case WebPaths.events:
        return hub.connect(req, res, SNAPSHOT_EVENT, frame.getSnapshot());
      case SettingsPaths.setupLink:
        // It carries the admin token: the gate gave it to the frame's own screen only.
        return sendJson(res, 200, linkNow());
    }
    if (url.pathname.startsWith('/media/')) return serveMedia(url, req, res);
    if (url.pathname.startsWith('/video/')) return serveVideo(url, req, res);
    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, { error: 'not found' });
    if (await serveStatic(rendererDir, url.pathname, res, PAGE_PRELOADS)) return;
    sendJson(res, 404, { error: 'not found' });
  }

  async function serveMedia(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = parseMediaPath(url.pathname, url.searchParams);
    if (!request) return sendJson(res, 400, { error: 'bad media request: expected /media/<file id>?w=<1-5000>&h=<1-5000>&fit=fit|fill' });
    const abort = new AbortController();
    req.on('close', () => abort.abort());
    await pipeResponse(await frame.fetchMedia(request, abort.signal), req, res);
  }

  async function serveVideo(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = parseVideoPath(url.pathname, url.searchParams);
    if (!request) return sendJson(res, 400, { error: 'bad video request: expected /video/<item id>?h=<1-5000>' });
    const abort = new AbortController();
    req.on('close', () => abort.abort());
    await pipeResponse(await frame.fetchVideo(request, req.headers.range, abort.signal), req, res);
  }

  async function pipeResponse(media: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers: Record<string, string> = {};
    media.headers.forEach((value, key) => (headers[key] = value));
    res.writeHead(media.status, headers);
    if (!media.body || req.method === 'HEAD') return void res.end();
    Readable.fromWeb(media.body as NodeReadableStream).on('error', () => res.destroy()).pipe(res);
  }

  const listening = await listen(server, options.port, options.host);
  port = Number(new URL(listening.url).port);
  return {
    url: listening.url,
    setupLink: linkNow,
    async close() {
      unsubscribe();
      unsubscribeCommands();
      hub.close();
      await listening.close();
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (status === 204) return void res.writeHead(204, { 'cache-control': 'no-store' }).end();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}
