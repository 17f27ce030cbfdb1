// One Wix request with timeouts and bounded retries: 429, 5xx and network
// errors back off exponentially with jitter, honouring Retry-After.
import { loadKy } from '../util/lazy-ky';
import { type Clock, backoffDelay, sleep, systemClock } from '../util/timers';
import type { WixAuth } from './auth';
import { withSlash } from './auth';
import { type WixError, describeStatus, isRetryable, malformed } from './errors';
import { toWixError } from './network-error';
import { parseRetryAfter } from './retry-after';

export interface WixHttpOptions {
  baseUrl: string;
  auth: WixAuth;
  fetch?: typeof fetch;
  clock?: Clock;
  /** Per attempt. */
  timeoutMs?: number;
  /** Give up once retrying would pass this much time in total. */
  retryBudgetMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
}

export interface WixRequest {
  method: 'GET' | 'POST';
  path: string;
  searchParams?: Record<string, string | number>;
  json?: unknown;
  /** What is being fetched, for error messages ("project X"). */
  what: string;
  signal?: AbortSignal;
}

export class WixHttp {
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly retryBudgetMs: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;

  constructor(private readonly options: WixHttpOptions) {
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retryBudgetMs = options.retryBudgetMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 500;
  }

  async request(req: WixRequest): Promise<unknown> {
    const started = this.clock.now();
    let refreshedAuth = false;
    for (let attempt = 0; ; attempt++) {
      let retryAfterMs: number | null = null;
      let error: WixError;
      try {
        return await this.attempt(req);
      } catch (caught) {
        error = caught instanceof AttemptError ? caught.error : toWixError(caught, this.timeoutMs);
        if (caught instanceof AttemptError) retryAfterMs = caught.retryAfterMs;
      }
      if (req.signal?.aborted) throw error;
      if (error.kind === 'auth' && error.status === 401 && !refreshedAuth) {
        // An expired OAuth token: fetch a new one once, then believe the 401.
        refreshedAuth = true;
        this.options.auth.invalidate();
        continue;
      }
      if (!isRetryable(error) || attempt + 1 >= this.maxAttempts) throw error;
      const delay = retryAfterMs ?? backoffDelay(attempt, this.baseDelayMs, 30_000, this.clock.random);
      if (this.clock.now() - started + delay > this.retryBudgetMs) throw error;
      await sleep(this.clock, delay, req.signal);
    }
  }

  private async attempt(req: WixRequest): Promise<unknown> {
    // A signal of its own per request, linked to the caller's and unlinked
    // after: the poller's signal lives for months, and every listener ky or
    // AbortSignal.any hangs on it would stay (the soak's slow heap growth).
    const controller = new AbortController();
    const forward = () => controller.abort(req.signal?.reason);
    if (req.signal?.aborted) forward();
    req.signal?.addEventListener('abort', forward, { once: true });
    try {
      return await this.attemptWith(req, controller.signal);
    } finally {
      req.signal?.removeEventListener('abort', forward);
    }
  }

  private async attemptWith(req: WixRequest, signal: AbortSignal): Promise<unknown> {
    const headers = await this.options.auth.headers();
    const url = new URL(req.path.replace(/^\//, ''), withSlash(this.options.baseUrl));
    for (const [key, value] of Object.entries(req.searchParams ?? {})) url.searchParams.set(key, String(value));
    const ky = await loadKy();
    const response = await ky(url, {
      method: req.method,
      headers: { ...headers, Accept: 'application/json' },
      timeout: this.timeoutMs,
      retry: 0,
      throwHttpErrors: false,
      ...(req.json !== undefined ? { json: req.json } : {}),
      signal,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new AttemptError(describeStatus(response.status, req.what, this.options.auth.toCheck), parseRetryAfter(response.headers.get('retry-after'), this.clock.now()));
    }
    // A body cut off mid-way surfaces here as a network error (retryable).
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw malformed(text.length === 0 ? 'empty body' : 'invalid JSON');
    }
  }
}

class AttemptError extends Error {
  constructor(
    readonly error: WixError,
    readonly retryAfterMs: number | null,
  ) {
    super(error.message);
  }
}
