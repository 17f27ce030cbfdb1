// POST /webhooks/wix: verify, acknowledge at once, apply just after. Answers
// carry no internal detail: 200, 400 malformed, 401 bad signature, 413 too
// large, 404/405 elsewhere.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '../frame-types';
import { listen } from '../util/listen';
import type { Refusal } from './event-admission';
import { MalformedEvent, unwrapEvent, type Unwrapped } from './item-event';
import { extractToken } from './request-body';
import type { TokenVerifier } from './verify-token';

export const WEBHOOK_PATH = '/webhooks/wix';
export const MAX_BODY_BYTES = 256 * 1024;

export interface WebhookCounters {
  accepted: number;
  ignored: number;
  rejected: number;
  /** The latest refusal, for the status line: when, and why in words. */
  lastRejected?: { at: string; reason: string };
  lastAcceptedAt?: string;
}

export interface WebhookReceiverOptions {
  host: string;
  port: number;
  verify: TokenVerifier;
  /** Called after the 200 went out; returns whether the event changed or was meant for this frame. */
  onEvent(event: Unwrapped): 'accepted' | 'ignored';
  logger: Logger;
  onRejected?: () => void;
  /** Checked after the signature: whether the event is fresh and for this install (event-admission.ts). */
  admit?(payload: Record<string, unknown>, event: Unwrapped): Refusal | null;
}

export interface RunningReceiver {
  url: string;
  counters: WebhookCounters;
  close(): Promise<void>;
}

class TooLarge extends Error {}

function readLimited(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, message: string, close = false): void {
  const body = JSON.stringify(status === 200 ? { ok: true } : { error: message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(close ? { connection: 'close' } : {}) });
  res.end(body);
}

export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<RunningReceiver> {
  const counters: WebhookCounters = { accepted: 0, ignored: 0, rejected: 0 };
  const { logger } = options;
  const reject = (res: ServerResponse, status: number, message: string, why: string, close = false) => {
    counters.rejected++;
    counters.lastRejected = { at: new Date().toISOString(), reason: why };
    logger.warn(`Webhook rejected (${status}): ${why}. Totals: ${counters.accepted} accepted, ${counters.ignored} ignored, ${counters.rejected} rejected.`);
    reply(res, status, message, close);
    options.onRejected?.();
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== WEBHOOK_PATH) return reply(res, 404, 'not found');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reply(res, 405, 'method not allowed');
    }
    let body: string;
    try {
      body = await readLimited(req);
    } catch (error) {
      if (error instanceof TooLarge) return reject(res, 413, 'body too large', 'body over 256 KB', true);
      throw error;
    }
    const token = extractToken(body);
    if (!token) return reject(res, 400, 'malformed body', 'body is not a JWT');
    let payload: Record<string, unknown>;
    try {
      payload = await options.verify(token);
    } catch (error) {
      return reject(res, 401, 'invalid signature', `signature check failed (${(error as Error).message})`);
    }
    let event: Unwrapped;
    try {
      event = unwrapEvent(payload);
    } catch (error) {
      if (error instanceof MalformedEvent) return reject(res, 400, 'malformed event', error.message);
      throw error;
    }
    const refusal = options.admit?.(payload, event);
    if (refusal) return reject(res, refusal.status, refusal.message, refusal.why);
    reply(res, 200, 'ok');
    // Wix wants its answer fast; the gallery changes right after.
    setImmediate(() => {
      const outcome = options.onEvent(event);
      counters[outcome]++;
      if (outcome === 'accepted') counters.lastAcceptedAt = new Date().toISOString();
      const what = event.type === 'item' ? `${event.event.kind} ${event.event.itemId}` : event.reason;
      logger.info(`Webhook ${outcome}: ${what}. Totals: ${counters.accepted} accepted, ${counters.ignored} ignored, ${counters.rejected} rejected.`);
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error(`Webhook handling failed: ${(error as Error).message}`);
      if (!res.headersSent) reply(res, 500, 'internal error');
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  const listening = await listen(server, options.port, options.host);
  return {
    url: listening.url,
    counters,
    close: listening.close,
  };
}
