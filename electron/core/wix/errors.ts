// Every way a Wix call can fail, each with a message a person can act on.

export type WixErrorKind = 'auth' | 'not-found' | 'rate-limited' | 'unavailable' | 'malformed' | 'bad-request';

export class WixError extends Error {
  override name = 'WixError';
  constructor(
    readonly kind: WixErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** What to check when Wix refuses the credentials: only the sign-in method in use. */
export const CREDENTIALS_TO_CHECK = {
  apiKey: 'check the API key and the site ID',
  oauth: "check the OAuth app's client ID, client secret and instance ID",
} as const;

export function describeStatus(status: number, what: string, toCheck = 'check the sign-in details'): WixError {
  if (status === 401 || status === 403) {
    return new WixError('auth', `Wix refused the credentials (HTTP ${status}): ${toCheck}.`, status);
  }
  if (status === 404) return new WixError('not-found', `Wix could not find ${what} (HTTP 404): check the project ID.`, status);
  if (status === 429) return new WixError('rate-limited', 'Wix is rate limiting this frame (HTTP 429); it will try again shortly.', status);
  if (status >= 500) return new WixError('unavailable', `Wix is unavailable (HTTP ${status}); showing the last gallery until it is back.`, status);
  return new WixError('bad-request', `Wix rejected the request for ${what} (HTTP ${status}).`, status);
}

export function unreachable(detail: string): WixError {
  return new WixError('unavailable', `Wix is unreachable (${detail}); showing the last gallery until it is back.`);
}

export function malformed(detail: string): WixError {
  return new WixError('malformed', `Wix sent a response Frame could not read (${detail}); keeping the last gallery.`);
}

/** Retrying helps only for these. */
export function isRetryable(error: WixError): boolean {
  return error.kind === 'rate-limited' || error.kind === 'unavailable';
}
