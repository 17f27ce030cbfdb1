// The two ways a frame authenticates to Wix: a site API key, or an OAuth app
// (client credentials for one installed instance).
import { loadKy } from '../util/lazy-ky';
import { type Clock, systemClock } from '../util/timers';
import { CREDENTIALS_TO_CHECK, WixError, describeStatus, malformed } from './errors';
import { toWixError } from './network-error';

export interface WixAuth {
  /** What a person should check when Wix refuses these credentials. */
  readonly toCheck: string;
  headers(): Promise<Record<string, string>>;
  /** Called after a 401, so the next headers() fetches fresh credentials. */
  invalidate(): void;
}

export class ApiKeyAuth implements WixAuth {
  readonly toCheck = CREDENTIALS_TO_CHECK.apiKey;

  constructor(
    private readonly apiKey: string,
    private readonly siteId: string,
  ) {}

  async headers(): Promise<Record<string, string>> {
    return { Authorization: this.apiKey, 'wix-site-id': this.siteId };
  }

  invalidate(): void {
    // A key does not expire: nothing to refresh.
  }
}

export interface OAuthOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  instanceId: string;
  fetch?: typeof fetch;
  clock?: Clock;
  timeoutMs?: number;
}

interface CachedToken {
  value: string;
  refreshAt: number;
}

/** Refresh this long before Wix's stated expiry (tokens live 4 h). */
const REFRESH_MARGIN_MS = 5 * 60_000;

export class OAuthAuth implements WixAuth {
  readonly toCheck = CREDENTIALS_TO_CHECK.oauth;
  private token: CachedToken | null = null;
  private inFlight: Promise<CachedToken> | null = null;
  private readonly clock: Clock;

  constructor(private readonly options: OAuthOptions) {
    this.clock = options.clock ?? systemClock;
  }

  async headers(): Promise<Record<string, string>> {
    const token = this.token && this.clock.now() < this.token.refreshAt ? this.token : await this.refresh();
    return { Authorization: token.value };
  }

  invalidate(): void {
    this.token = null;
  }

  /** One refresh in flight at a time: concurrent callers share it. */
  private refresh(): Promise<CachedToken> {
    this.inFlight ??= this.requestToken().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async requestToken(): Promise<CachedToken> {
    const { baseUrl, clientId, clientSecret, instanceId } = this.options;
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    let response: Response;
    try {
      const ky = await loadKy();
      response = await ky.post(new URL('oauth2/token', withSlash(baseUrl)), {
        json: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, instance_id: instanceId },
        timeout: timeoutMs,
        retry: 0,
        throwHttpErrors: false,
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      });
    } catch (error) {
      throw toWixError(error, timeoutMs);
    }
    if (response.status === 400) {
      throw new WixError('auth', `Wix refused the OAuth app credentials (HTTP 400): ${CREDENTIALS_TO_CHECK.oauth}.`, 400);
    }
    if (!response.ok) throw describeStatus(response.status, 'an access token', this.toCheck);
    const body = (await response.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!body || typeof body.access_token !== 'string' || body.access_token === '') throw malformed('token response without access_token');
    const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 4 * 3600) * 1000;
    const refreshIn = Math.max(lifetimeMs / 2, lifetimeMs - REFRESH_MARGIN_MS);
    this.token = { value: body.access_token, refreshAt: this.clock.now() + refreshIn };
    return this.token;
  }
}

export function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
