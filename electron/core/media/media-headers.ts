// Every media answer, from either shell, says exactly what it is and can do
// nothing if opened on its own: no MIME sniffing, and a sandboxing CSP that
// gives it an opaque origin with no script, no requests and no plugins.

/** Opened on their own (a tab, an iframe), photos and videos run nothing and load nothing. */
export const MEDIA_CSP = "sandbox; default-src 'none'";

export function withMediaHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('content-security-policy', MEDIA_CSP);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
