// Turns whatever fetch/ky threw into a WixError a person can read.
import { WixError, unreachable } from './errors';

export function toWixError(error: unknown, timeoutMs: number): WixError {
  if (error instanceof WixError) return error;
  // ky's TimeoutError, or the platform's (AbortSignal.timeout): by name, so ky loads only when used.
  if (error instanceof Error && error.name === 'TimeoutError') return unreachable(`no answer within ${Math.round(timeoutMs / 100) / 10} s`);
  const code = findCode(error);
  if (code === 'ECONNREFUSED') return unreachable('connection refused');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return unreachable('the Wix host name could not be resolved; check the network');
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return unreachable('the connection was dropped');
  if (code) return unreachable(code);
  const message = error instanceof Error ? error.message : String(error);
  return unreachable(message || 'network error');
}

function findCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
