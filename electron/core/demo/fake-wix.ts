// A local, Wix-compatible server: the demo mode's Wix and the tests' fake.
// It speaks the same REST paths, auth headers and paging as www.wixapis.com
// and serves resized media like static.wixstatic.com, so the frame runs the
// very same code path against it; only the base URL differs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { sceneSvg } from './scene-svg';
import type { RawWixItem } from './sample-project';

export interface FakeProject {
  id: string;
  title: string;
  coverFileId?: string;
  items: RawWixItem[];
}

export interface FakeWixOptions {
  apiKey: string;
  siteId: string;
  oauth?: { clientId: string; clientSecret: string; instanceId: string; tokenLifetimeSeconds?: number };
  port?: number;
  /** Draws media of the given size; default: an SVG landscape. Benchmarks pass a raster encoder. */
  drawMedia?: (fileId: string, width: number, height: number) => { body: Buffer | string; contentType: string };
  /** Size of the originals (Wix "photos"); default 6000×4000. */
  originalSize?: { width: number; height: number };
}

/** How the next API requests misbehave. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'malformed' }
  | { kind: 'truncated' };

export interface LoggedRequest {
  method: string;
  path: string;
  search: string;
  authorization: string | undefined;
}

export class FakeWix {
  readonly projects = new Map<string, FakeProject>();
  readonly requests: LoggedRequest[] = [];
  readonly mediaRequests: string[] = [];
  /** File ids whose media answers 404 (a broken photo). */
  readonly brokenMedia = new Set<string>();
  /** Video renditions served at /video-files/<name> (with Range support). */
  readonly videoFiles = new Map<string, { body: Buffer; contentType: string }>();
  mediaBytesSent = 0;
  /** Applies to every API request while set (not to media). */
  down: Fault | null = null;
  private readonly queuedFaults: Fault[] = [];
  private readonly pageFaults = new Map<number, Fault>();
  private readonly sockets = new Set<Socket>();
  private readonly hung = new Set<ServerResponse>();
  private tokens = new Map<string, number>();
  private tokenCounter = 0;
  private server!: Server;
  url = '';

  private constructor(private readonly options: FakeWixOptions) {}

  static async start(options: FakeWixOptions): Promise<FakeWix> {
    const fake = new FakeWix(options);
    await fake.listen(options.port ?? 0);
    return fake;
  }

  addProject(project: FakeProject): void {
    this.projects.set(project.id, project);
  }

  items(projectId: string): RawWixItem[] {
    const project = this.projects.get(projectId);
    if (!project) throw new Error(`no fake project ${projectId}`);
    return project.items;
  }

  /** The next `count` API requests fail like this, then all is well again. */
  failNext(fault: Fault, count = 1): void {
    for (let i = 0; i < count; i++) this.queuedFaults.push(fault);
  }

  /** The next List Project Items request for this offset fails (a partial sync). */
  failPageAt(offset: number, fault: Fault): void {
    this.pageFaults.set(offset, fault);
  }

  apiRequestCount(pathPart = '/portfolio/'): number {
    return this.requests.filter((r) => r.path.includes(pathPart)).length;
  }

  /** Makes every issued OAuth token invalid, as if they had expired. */
  expireTokens(): void {
    this.tokens.clear();
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private listen(port: number): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return new Promise((resolve) => {
      this.server.listen(port, '127.0.0.1', () => {
        const { port: actual } = this.server.address() as AddressInfo;
        this.url = `http://127.0.0.1:${actual}`;
        resolve();
      });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET' && url.pathname.startsWith('/media/')) return this.serveMedia(url, res);
    if (req.method === 'GET' && url.pathname.startsWith('/video-files/')) return this.serveVideo(url, req, res);
    this.requests.push({ method: req.method ?? '', path: url.pathname, search: url.search, authorization: req.headers.authorization });
    if (this.requests.length > 10_000) this.requests.splice(0, 5_000);
    const fault = this.queuedFaults.shift() ?? this.pageFault(url) ?? this.down;
    if (fault && this.misbehave(fault, req, res)) return;
    const body = await readBody(req);
    if (req.method === 'POST' && url.pathname === '/oauth2/token') return this.issueToken(body, res);
    if (!this.authorized(req)) return json(res, 401, { message: 'UNAUTHENTICATED' });
    const items = /^\/portfolio\/v1\/projectItems\/([^/]+)\/items$/.exec(url.pathname);
    if (req.method === 'GET' && items?.[1]) return this.listItems(decodeURIComponent(items[1]), url, res);
    if (req.method === 'GET' && url.pathname === '/portfolio/v1/projects') return this.listProjects(url.searchParams.get('paging.cursor'), '', res);
    if (req.method === 'POST' && url.pathname === '/portfolio/v1/projects/query') {
      const query = (parseJson(body) as { query?: { filter?: { title?: { $startsWith?: string } }; cursorPaging?: { cursor?: string } } })?.query;
      return this.listProjects(query?.cursorPaging?.cursor ?? null, query?.filter?.title?.$startsWith ?? '', res);
    }
    json(res, 404, { message: 'NOT_FOUND' });
  }

  /** True when the fault answered (or will never answer) the request. */
  private misbehave(fault: Fault, req: IncomingMessage, res: ServerResponse): boolean {
    switch (fault.kind) {
      case 'status':
        res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) });
        res.end(JSON.stringify({ message: 'fault injected' }));
        return true;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'hang':
        this.hung.add(res);
        res.on('close', () => this.hung.delete(res));
        return true;
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"items": [ this is not json');
        return true;
      case 'truncated':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
        res.write('{"items":[{"id":"x"');
        setTimeout(() => req.socket.destroy(), 10);
        return true;
    }
  }

  private pageFault(url: URL): Fault | undefined {
    if (!url.pathname.endsWith('/items')) return undefined;
    const offset = Number(url.searchParams.get('paging.offset') ?? 0);
    const fault = this.pageFaults.get(offset);
    this.pageFaults.delete(offset);
    return fault;
  }

  private authorized(req: IncomingMessage): boolean {
    const auth = req.headers.authorization;
    if (!auth) return false;
    if (auth === this.options.apiKey) return req.headers['wix-site-id'] === this.options.siteId;
    const expires = this.tokens.get(auth);
    return expires !== undefined && expires > Date.now();
  }

  private issueToken(body: string, res: ServerResponse): void {
    const oauth = this.options.oauth;
    const request = parseJson(body) as Record<string, unknown> | null;
    const valid =
      oauth &&
      request?.grant_type === 'client_credentials' &&
      request.client_id === oauth.clientId &&
      request.client_secret === oauth.clientSecret &&
      request.instance_id === oauth.instanceId;
    if (!valid) return json(res, 400, { message: 'invalid client' });
    const lifetime = oauth.tokenLifetimeSeconds ?? 4 * 3600;
    const token = `OAUTH-${++this.tokenCounter}`;
    this.tokens.set(token, Date.now() + lifetime * 1000);
    json(res, 200, { access_token: token, token_type: 'Bearer', expires_in: lifetime });
  }

  private listItems(projectId: string, url: URL, res: ServerResponse): void {
    const project = this.projects.get(projectId);
    if (!project) return json(res, 404, { message: `project ${projectId} not found` });
    const limit = clampInt(url.searchParams.get('paging.limit'), 50, 0, 100);
    const offset = clampInt(url.searchParams.get('paging.offset'), 0, 0, Number.MAX_SAFE_INTEGER);
    // Wix keeps its own order; the client must sort by sortOrder itself.
    const page = project.items.slice(offset, offset + limit);
    json(res, 200, { items: page, metadata: { count: page.length, offset, total: project.items.length, tooManyToCount: false } });
  }

  private listProjects(cursor: string | null, titlePrefix: string, res: ServerResponse): void {
    const all = [...this.projects.values()].filter((p) => p.title.toLowerCase().startsWith(titlePrefix.toLowerCase()));
    const start = cursor ? Number(cursor) || 0 : 0;
    const page = all.slice(start, start + 100);
    const next = start + 100 < all.length ? String(start + 100) : null;
    json(res, 200, {
      projects: page.map((p) => ({
        id: p.id,
        title: p.title,
        ...(p.coverFileId ? { coverImage: { imageInfo: { id: p.coverFileId, url: `${this.url}/media/${p.coverFileId}`, width: 6000, height: 4000 } } } : {}),
      })),
      metadata: { count: page.length, cursors: { next } },
    });
  }

  private serveVideo(url: URL, req: IncomingMessage, res: ServerResponse): void {
    const name = decodeURIComponent(url.pathname.slice('/video-files/'.length));
    this.mediaRequests.push(url.pathname);
    const file = this.videoFiles.get(name);
    if (!file) return json(res, 404, { message: 'no such video' });
    const range = rangeOf(req.headers.range, file.body.length);
    if (range) {
      res.writeHead(206, { 'content-type': file.contentType, 'content-range': `bytes ${range.start}-${range.end}/${file.body.length}`, 'content-length': range.end - range.start + 1, 'accept-ranges': 'bytes' });
      res.end(file.body.subarray(range.start, range.end + 1));
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length, 'accept-ranges': 'bytes' });
    res.end(file.body);
  }

  private serveMedia(url: URL, res: ServerResponse): void {
    this.mediaRequests.push(url.pathname);
    if (this.mediaRequests.length > 10_000) this.mediaRequests.splice(0, 5_000);
    const [, , fileId, version, mode, transform] = url.pathname.split('/');
    if (!fileId || this.brokenMedia.has(decodeURIComponent(fileId))) return json(res, 404, { message: 'no such file' });
    // Originals are 6000×4000 "photos"; /v1/fit|fill/w_,h_ resizes them.
    const original = this.options.originalSize ?? { width: 6000, height: 4000 };
    let width = original.width;
    let height = original.height;
    if (version === 'v1' && (mode === 'fit' || mode === 'fill') && transform) {
      const w = Number(/w_(\d+)/.exec(transform)?.[1]);
      const h = Number(/h_(\d+)/.exec(transform)?.[1]);
      if (!(w > 0 && h > 0 && w <= 5000 && h <= 5000)) return json(res, 400, { message: 'bad transform' });
      if (mode === 'fill') [width, height] = [w, h];
      else {
        const scale = Math.min(w / original.width, h / original.height, 1);
        [width, height] = [Math.round(original.width * scale), Math.round(original.height * scale)];
      }
    }
    const drawn = this.options.drawMedia?.(decodeURIComponent(fileId), width, height) ?? { body: sceneSvg(decodeURIComponent(fileId), width, height), contentType: 'image/svg+xml' };
    this.mediaBytesSent += Buffer.byteLength(drawn.body);
    res.writeHead(200, { 'content-type': drawn.contentType, 'content-length': Buffer.byteLength(drawn.body), 'cache-control': 'max-age=3600' });
    res.end(drawn.body);
  }
}

function rangeOf(header: string | undefined, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match) return null;
  const start = match[1] ? Number(match[1]) : size - Number(match[2]);
  const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  return start >= 0 && start <= end ? { start, end } : null;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function clampInt(value: string | null, fallback: number, min: number, max: number): number {
  const n = value === null ? fallback : Number(value);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
