// Collects garbage in a child Node process before its memory is read, through
// the inspector it was started with (NODE_OPTIONS=--inspect=127.0.0.1:0, a
// random loopback port): otherwise "heap used" counts garbage not yet
// collected, and a slope over an hour mistakes the collector's rhythm for growth.
import WebSocket from 'ws';
import { Cdp } from './cdp';

export const INSPECT_ENV = { NODE_OPTIONS: '--inspect=127.0.0.1:0' };

/** The inspector address the child printed ("Debugger listening on ws://…"). */
export function inspectorUrl(output: readonly string[]): string {
  for (const line of output) {
    const found = /Debugger listening on (ws:\/\/\S+)/.exec(line);
    if (found) return found[1]!;
  }
  throw new Error('the frame process printed no inspector address');
}

/** What `process.memoryUsage()` says in the child, in bytes. */
export type NodeMemory = Record<'rss' | 'heapTotal' | 'heapUsed' | 'external' | 'arrayBuffers', number>;

/** Collects garbage in the child, then reads its memory (after the collection, so garbage is not counted). */
export async function collectGarbage(url: string): Promise<NodeMemory> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    const inspector = new Cdp(socket);
    await inspector.send('HeapProfiler.collectGarbage');
    const read = await inspector.send<{ result: { value?: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    return JSON.parse(String(read.result.value)) as NodeMemory;
  } finally {
    socket.close();
  }
}
