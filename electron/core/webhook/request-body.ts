// Relays differ in how they forward Wix's body: the raw JWT text, the JWT as
// a JSON string, or {"data": "<jwt>"}. All three become the bare token.

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

export function extractToken(body: string): string | null {
  const text = body.trim();
  let token: unknown = text;
  if (text.startsWith('"') || text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      token = typeof parsed === 'string' ? parsed : (parsed as { data?: unknown } | null)?.data;
    } catch {
      return null;
    }
  }
  return typeof token === 'string' && JWT_SHAPE.test(token.trim()) ? token.trim() : null;
}
