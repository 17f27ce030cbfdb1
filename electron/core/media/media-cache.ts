// Screen-sized media on disk: each photo is downloaded once (streamed to a
// .part file, renamed when complete), served from disk afterwards, and evicted
// least recently shown first when the cache passes its cap. Works offline with
// whatever is cached; a failed, truncated or oversized download is never
// served, and only raster photos and videos are kept (media-types.ts).
// Storage can never stop the show: a full, read-only or missing cache folder
// means photos stream straight through without being kept, and a write keeps
// the disk's free-space floor by evicting least recently shown photos first.
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { MediaRequest } from '../../../shared/media';
import type { Logger } from '../frame-types';
import { DownloadFailed, downloadToFile } from './download-to-file';
import { bareType, extensionFor, isVideoType, typeOfExtension } from './media-types';
import { readDiskSpace, shortfall, type DiskSpaceReader } from '../storage/disk-space';
import { asStorageFailure, StorageFailure, storageFaultOf } from '../storage/storage-failure';

export type MediaFetcher = (request: MediaRequest, signal?: AbortSignal) => Promise<Response>;

interface Entry {
  file: string;
  size: number;
  lastShown: number;
  contentType: string;
}

export function cacheKey(request: MediaRequest): string {
  return `${request.fileId}__${request.fit}_${request.width}x${request.height}`;
}

export interface MediaCacheOptions {
  dir: string;
  capBytes: number;
  fetchUpstream: MediaFetcher;
  logger: Logger;
  now?: () => number;
  /** Largest video download (FRAME_VIDEO_MAX_MB); default 300 MB. */
  maxVideoBytes?: number;
  /** Largest photo download; default 50 MB (a 5000×5000 photo at Wix's quality is far less). */
  maxImageBytes?: number;
  /** Told of failed writes; while it says the disk cannot be written, photos stream through uncached. */
  storage?: CacheStorage;
  diskSpace?: DiskSpaceReader;
}

/** The part of StorageHealth the cache uses. */
export interface CacheStorage {
  readonly writable: boolean;
  report(error: unknown, path: string): boolean;
}

/** Room made before a download whose size is not declared (a screen-sized photo is far less). */
const UNDECLARED_BYTES = 5 * 1024 * 1024;

export const DEFAULT_MAX_VIDEO_BYTES = 300 * 1024 * 1024;
export const DEFAULT_MAX_IMAGE_BYTES = 50 * 1024 * 1024;

export class MediaCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();
  private total = 0;
  private readonly now: () => number;
  /** Counters for /healthz and the benchmarks. */
  readonly stats = { hits: 0, downloads: 0, failures: 0, evictions: 0, uncached: 0 };
  /** False when the folder could not be made or listed at open. */
  private usable = true;

  constructor(private readonly options: MediaCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get bytes(): number {
    return this.total;
  }

  get count(): number {
    return this.entries.size;
  }

  /**
   * Reads what an earlier run left; leftover .part files are unfinished
   * downloads. Never fails: without a usable folder the cache passes photos through.
   */
  async open(): Promise<void> {
    let names: string[];
    try {
      await mkdir(this.options.dir, { recursive: true });
      names = await readdir(this.options.dir);
    } catch (error) {
      this.usable = false;
      this.reportStorage(error, this.options.dir);
      return;
    }
    for (const name of names) {
      const path = join(this.options.dir, name);
      if (name.endsWith('.part')) {
        // On a read-only card it stays until a start that can remove it; it is never served.
        await rm(path, { force: true }).catch((error: unknown) => this.reportStorage(error, path));
        continue;
      }
      const dot = name.lastIndexOf('.');
      const contentType = dot < 0 ? undefined : typeOfExtension(name.slice(dot + 1));
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      if (!contentType) {
        // Nothing else belongs here (an SVG an older version kept, say): it is never served.
        await rm(path, { force: true }).catch((error: unknown) => this.reportStorage(error, path));
        continue;
      }
      this.add(name.slice(0, dot), { file: name, size: info.size, lastShown: info.mtimeMs, contentType });
    }
  }

  has(request: MediaRequest): boolean {
    return this.entries.has(cacheKey(request));
  }

  /**
   * The file from disk, downloading it first if needed; 502/504 when it cannot
   * be had. `upstream` replaces the default fetch (video renditions); `range`
   * is an HTTP Range header (video seeking).
   */
  async get(request: MediaRequest, signal?: AbortSignal, options: { upstream?: () => Promise<Response>; range?: string | undefined } = {}): Promise<Response> {
    const key = cacheKey(request);
    let entry = this.entries.get(key);
    if (entry) this.stats.hits++;
    else if (!this.writable) return this.passThrough(request, signal, options.upstream);
    else {
      try {
        entry = await this.download(key, request, options.upstream);
      } catch (error) {
        if (signal?.aborted) return new Response('aborted', { status: 499 });
        if (error instanceof StorageFailure) {
          this.reportStorage(error, error.path);
          return this.passThrough(request, signal, options.upstream);
        }
        return new Response(`media unavailable: ${(error as Error).message}`, { status: error instanceof UpstreamStatus ? error.status : 502 });
      }
    }
    this.markShown(entry);
    const path = join(this.options.dir, entry.file);
    const headers: Record<string, string> = { 'content-type': entry.contentType, 'cache-control': 'private, max-age=86400', 'accept-ranges': 'bytes' };
    const range = parseRange(options.range, entry.size);
    if (range) {
      const stream = Readable.toWeb(createReadStream(path, range)) as ReadableStream<Uint8Array>;
      return new Response(stream, { status: 206, headers: { ...headers, 'content-length': String(range.end - range.start + 1), 'content-range': `bytes ${range.start}-${range.end}/${entry.size}` } });
    }
    const stream = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    return new Response(stream, { status: 200, headers: { ...headers, 'content-length': String(entry.size) } });
  }

  /** Downloads without serving (prefetch). Errors are only counted. */
  async warm(request: MediaRequest): Promise<void> {
    const key = cacheKey(request);
    if (this.entries.has(key) || !this.writable) return;
    await this.download(key, request).catch((error: unknown) => {
      if (error instanceof StorageFailure) this.reportStorage(error, error.path);
    });
  }

  /** Whether downloads are kept: the folder is there and the disk takes writes. */
  get writable(): boolean {
    return this.usable && (this.options.storage?.writable ?? true);
  }

  /** The photo straight from upstream to the screen, kept nowhere (the disk cannot take it). */
  private async passThrough(request: MediaRequest, signal?: AbortSignal, upstream?: () => Promise<Response>): Promise<Response> {
    this.stats.uncached++;
    let response: Response;
    try {
      response = await (upstream ?? (() => this.options.fetchUpstream(request, signal)))();
    } catch (error) {
      if (signal?.aborted) return new Response('aborted', { status: 499 });
      return new Response(`media unavailable: ${(error as Error).message}`, { status: 502 });
    }
    const contentType = bareType(response.headers.get('content-type'));
    if (!response.ok || !response.body || !extensionFor(contentType)) {
      await response.body?.cancel().catch(() => undefined);
      this.stats.failures++;
      return new Response('media unavailable', { status: response.status >= 400 ? response.status : 502 });
    }
    const headers: Record<string, string> = { 'content-type': contentType, 'cache-control': 'private, max-age=86400' };
    const length = response.headers.get('content-length');
    if (length) headers['content-length'] = length;
    return new Response(response.body, { status: 200, headers });
  }

  /**
   * Keeps the free-space floor (200 MB, or 5 % of a small disk) before `bytes`
   * are written: least recently shown photos leave first. Throws a
   * StorageFailure ('full') when even an empty cache would not make room.
   */
  private async makeRoom(bytes: number, keep: string): Promise<void> {
    let need: number;
    try {
      need = shortfall(await (this.options.diskSpace ?? readDiskSpace)(this.options.dir), bytes);
    } catch {
      return; // No statfs here: the write itself will tell.
    }
    if (need <= 0) return;
    const oldest = [...this.entries].filter(([key]) => key !== keep && !this.inFlight.has(key)).sort((a, b) => a[1].lastShown - b[1].lastShown);
    // Photos are only given up when that makes room: a disk filled by something else keeps them.
    if (oldest.reduce((sum, [, entry]) => sum + entry.size, 0) < need) throw new StorageFailure('full', this.options.dir, 'ENOSPC');
    for (const [key, entry] of oldest) {
      if (need <= 0) break;
      await this.remove(key, entry);
      this.stats.evictions++;
      need -= entry.size;
    }
  }

  private reportStorage(error: unknown, path: string): void {
    if (this.options.storage?.report(error, path)) return;
    this.options.logger.warn(`Media cache: ${path}: ${(error as Error).message}`);
  }

  /** Drops every size of the files no longer in the gallery. */
  async retainOnly(fileIds: Set<string>): Promise<void> {
    for (const [key, entry] of [...this.entries]) {
      if (!fileIds.has(key.slice(0, key.lastIndexOf('__')))) await this.remove(key, entry);
    }
  }

  private download(key: string, request: MediaRequest, upstream?: () => Promise<Response>): Promise<Entry> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetchToDisk(key, upstream ?? (() => this.options.fetchUpstream(request))).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async fetchToDisk(key: string, upstream: () => Promise<Response>): Promise<Entry> {
    const response = await upstream();
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      this.stats.failures++;
      throw new UpstreamStatus(response.status >= 400 ? response.status : 502);
    }
    const contentType = bareType(response.headers.get('content-type'));
    const ext = extensionFor(contentType);
    if (!ext) {
      await response.body.cancel().catch(() => undefined);
      this.stats.failures++;
      throw new Error(`unexpected content type "${contentType}": only raster photos and videos are shown`);
    }
    const file = `${safeName(key)}.${ext}`;
    const declared = Number(response.headers.get('content-length'));
    const maxBytes = isVideoType(contentType) ? (this.options.maxVideoBytes ?? DEFAULT_MAX_VIDEO_BYTES) : (this.options.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES);
    const known = Number.isFinite(declared) && declared > 0 ? declared : null;
    await this.makeRoom(known ?? Math.min(maxBytes, UNDECLARED_BYTES), key);
    let size: number;
    try {
      size = await downloadToFile(response.body, join(this.options.dir, file), { maxBytes, declaredBytes: Number.isFinite(declared) && declared > 0 ? declared : null });
    } catch (error) {
      this.stats.failures++;
      // A disk that refused the .part (full, read-only): the photo is streamed through instead.
      const cause = (error as Error).cause ?? error;
      if (storageFaultOf(cause)) throw asStorageFailure(cause, join(this.options.dir, `${file}.part`));
      if (error instanceof DownloadFailed) this.options.logger.warn(`Media ${key} not kept: download ${error.message}.`);
      throw new Error(`download ${(error as Error).message}`);
    }
    this.stats.downloads++;
    const entry: Entry = { file, size, lastShown: this.now(), contentType };
    this.add(key, entry);
    await this.evictOverCap(key);
    return entry;
  }

  private add(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) this.total -= old.size;
    this.entries.set(key, entry);
    this.total += entry.size;
  }

  private markShown(entry: Entry): void {
    entry.lastShown = this.now();
    const when = new Date(entry.lastShown);
    // The file's mtime keeps "last shown" across restarts.
    void utimes(join(this.options.dir, entry.file), when, when).catch(() => undefined);
  }

  private async evictOverCap(keep: string): Promise<void> {
    if (this.total <= this.options.capBytes) return;
    const oldest = [...this.entries].filter(([key]) => key !== keep).sort((a, b) => a[1].lastShown - b[1].lastShown);
    for (const [key, entry] of oldest) {
      if (this.total <= this.options.capBytes * 0.9) break;
      await this.remove(key, entry);
      this.stats.evictions++;
    }
  }

  private async remove(key: string, entry: Entry): Promise<void> {
    this.entries.delete(key);
    this.total -= entry.size;
    const path = join(this.options.dir, entry.file);
    await rm(path, { force: true }).catch((error: unknown) => this.reportStorage(error, path));
  }
}

class UpstreamStatus extends Error {
  constructor(readonly status: number) {
    super(`Wix answered HTTP ${status}`);
  }
}

function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (!match[1] && !match[2])) return null;
  const start = match[1] ? Number(match[1]) : Math.max(0, size - Number(match[2]));
  const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  return start <= end ? { start, end } : null;
}

/** File ids are [\w.~-]; keep names portable anyway. */
function safeName(key: string): string {
  return key.replace(/[^\w.~-]/g, '_');
}
