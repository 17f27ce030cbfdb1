// Follows a web shell's snapshot stream (GET /api/events) from Node, as the
// renderer would, and calls back with each snapshot and the time it arrived.
import type { FrameSnapshot } from '../../shared/display';

export interface SseWatch {
  latest: FrameSnapshot | null;
  close(): void;
}

export async function watchSnapshots(baseUrl: string, onSnapshot: (snapshot: FrameSnapshot, at: number) => void): Promise<SseWatch> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`SSE at ${baseUrl} answered ${response.status}`);
  const watch: SseWatch = { latest: null, close: () => abort.abort() };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (event === 'snapshot' && data) {
            const snapshot = JSON.parse(data) as FrameSnapshot;
            watch.latest = snapshot;
            onSnapshot(snapshot, Date.now());
          }
        }
      }
    } catch {
      // Closed.
    }
  })();
  return watch;
}
