// Collects garbage in a child Node process before its memory is read, through
// the inspector it was started with (NODE_OPTIONS=--inspect=127.0.0.1:0, a
// random loopback port): otherwise "heap used" counts garbage not yet
// collected, and a slope over an hour mistakes the collector's rhythm for growth.
import WebSocket from 'ws';

export const INSPECT_ENV = { NODE_OPTIONS: '--inspect=127.0.0.1:0' };

/** The inspector address the child printed ("Debugger listening on ws://…"). */
export function inspectorUrl(output: readonly string[]): string {
  for (const line of output) {
    const found = /Debugger listening on (ws:\/\/\S+)/.exec(line);
    if (found) return found[1]!;
  }
  throw new Error('the frame process printed no inspector address');
}

export async function collectGarbage(url: string): Promise<void> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve());
    socket.once('error', reject);
    socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
  });
  socket.close();
}
