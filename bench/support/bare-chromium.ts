// Chromium showing a page with no DevTools agent attached to it, as on the
// wall, for measuring memory over hours. Playwright enables DevTools' Network
// domain on every page, and that agent keeps a copy of every response body
// (about 9 KB a slide here, against none without it): a soak through
// Playwright measures Playwright. Here only the browser target is spoken to
// (memory dumps); the page is asked questions through a flat session that
// enables nothing but the Performance counters.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Cdp } from './cdp';
import { chromiumExecutable } from '../../e2e/support/chromium';
import { BENCH_CHROMIUM_FLAGS } from './frame-page';

export interface BareChromium {
  pid: number;
  browser: Cdp;
  /** Evaluates an expression in the page and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Chromium's Performance counters for the page (JSHeapUsedSize, Nodes, …). */
  metrics(): Promise<Record<string, number>>;
  /** A full collection in the page (V8 and Blink's heap), for a reading without garbage. */
  collectGarbage(): Promise<void>;
  close(): Promise<void>;
}

/** `env` is added to Chromium's environment (its renderers inherit it, as Electron's do). */
export async function openBare(url: string, size = { width: 1920, height: 1080 }, env: Record<string, string> = {}): Promise<BareChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'frame-bare-chromium-'));
  const args = ['--headless=new', ...BENCH_CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, `--window-size=${size.width},${size.height}`, url];
  const child: ChildProcess = spawn(chromiumExecutable() ?? 'chromium', args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened: ${text.slice(-500)}`)));
  });
  const socket = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const browser = new Cdp(socket);
  const { targetInfos } = await browser.send<{ targetInfos: { targetId: string; type: string }[] }>('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'page');
  if (!target) throw new Error('Chromium opened no page');
  const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId: target.targetId, flatten: true });
  await browser.send('Performance.enable', {}, sessionId);
  return {
    pid: child.pid ?? NaN,
    browser,
    async evaluate<T>(expression: string) {
      const reply = await browser.send<{ result: { value?: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
      if (reply.exceptionDetails) throw new Error(`in the page: ${reply.exceptionDetails.text}`);
      return reply.result.value as T;
    },
    async metrics() {
      const { metrics } = await browser.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics', {}, sessionId);
      return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    },
    async collectGarbage() {
      // Twice: objects held across the V8/Blink boundary need a second pass to go.
      for (let pass = 0; pass < 2; pass++) await browser.send('HeapProfiler.collectGarbage', {}, sessionId);
    },
    async close() {
      socket.close();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      });
      // Chromium's helpers may still be writing the profile for a while after the
      // browser exits (a soak's hour of it failed ENOTEMPTY at 5 × 200 ms): a profile
      // left in the temp folder is said, and never stops what comes after.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
      } catch (error) {
        console.warn(`left Chromium's profile ${profile}: ${(error as Error).message}`);
      }
    },
  };
}
