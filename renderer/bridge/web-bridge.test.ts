import { describe, expect, it } from 'vitest';
import type { FrameSnapshot } from '../../shared/display';
import { SNAPSHOT_EVENT, WebPaths } from '../../shared/web-api';
import type { AdminTokenGate } from './admin-token';
import type { ConnectionStatus } from './frame-bridge';
import { testSnapshot } from '../test-support/test-snapshot';
import { REOPEN_MS, webBridge, type WebBridgeDeps } from './web-bridge';

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  closed = false;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, (event: MessageEvent<string>) => void>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data: string) {
    this.listeners.get(type)?.({ data } as MessageEvent<string>);
  }
}

function setup(fetchAnswer: Promise<unknown> = new Promise(() => undefined)) {
  FakeEventSource.instances = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const fetched: string[] = [];
  const deps: WebBridgeDeps = {
    fetch: (url) => {
      fetched.push(url);
      return fetchAnswer.then((body) => ({ ok: true, json: () => Promise.resolve(body) }));
    },
    EventSource: FakeEventSource as unknown as WebBridgeDeps['EventSource'],
    setTimeout: (fn, ms) => {
      const timer = { fn, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (timer) => {
      if (timer) (timer as { cleared: boolean }).cleared = true;
    },
  };
  const snapshots: FrameSnapshot[] = [];
  const statuses: ConnectionStatus[] = [];
  const unsubscribe = webBridge(deps).subscribe(
    (s) => snapshots.push(s),
    (s) => statuses.push(s),
  );
  return { snapshots, statuses, timers, fetched, unsubscribe, source: () => FakeEventSource.instances.at(-1)! };
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('webBridge', () => {
  it('fetches the snapshot and opens the event stream on the shared paths', async () => {
    const first = testSnapshot(['a']);
    const { snapshots, fetched, source } = setup(Promise.resolve(first));
    await flush();
    expect(fetched).toEqual([WebPaths.snapshot]);
    expect(source().url).toBe(WebPaths.events);
    expect(snapshots).toEqual([first]);
  });

  it('delivers every snapshot event, and ignores malformed ones', () => {
    const { snapshots, source } = setup();
    source().emit(SNAPSHOT_EVENT, JSON.stringify(testSnapshot(['a'])));
    source().emit(SNAPSHOT_EVENT, '{"not":"a snapshot"}');
    source().emit(SNAPSHOT_EVENT, 'not json');
    source().emit(SNAPSHOT_EVENT, JSON.stringify(testSnapshot(['a', 'b'])));
    expect(snapshots.map((s) => s.gallery.items.length)).toEqual([1, 2]);
  });

  it('ignores a fetch answer that arrives after the stream has spoken', async () => {
    let answer: (body: unknown) => void = () => undefined;
    const { snapshots, source } = setup(new Promise((resolve) => (answer = resolve)));
    source().emit(SNAPSHOT_EVENT, JSON.stringify(testSnapshot(['new'])));
    answer(testSnapshot(['old']));
    await flush();
    expect(snapshots.map((s) => s.gallery.items[0]?.id)).toEqual(['new']);
  });

  it('reports the connection, and reopens a stream the browser gave up on', () => {
    const { statuses, timers, source } = setup();
    const first = source();
    first.onopen?.();
    first.readyState = first.CONNECTING;
    first.onerror?.(); // network error: EventSource retries by itself
    expect(timers).toHaveLength(0);
    first.readyState = first.CLOSED;
    first.onerror?.(); // HTTP error: it will not
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'reconnecting']);
    expect(timers[0]?.ms).toBe(REOPEN_MS);
    timers[0]!.fn();
    expect(source()).not.toBe(first);
    source().onopen?.();
    expect(statuses.at(-1)).toBe('connected');
  });

  it('closes the stream and stops reopening on unsubscribe', () => {
    const { unsubscribe, timers, source } = setup();
    source().readyState = 2;
    source().onerror?.();
    unsubscribe();
    expect(source().closed).toBe(true);
    expect(timers[0]?.cleared).toBe(true);
  });

  it('uses media paths as same-origin URLs', () => {
    expect(webBridge().mediaUrl('/media/a.jpg?w=1&h=1&fit=fit')).toBe('/media/a.jpg?w=1&h=1&fit=fit');
  });
});

describe('webBridge show controls', () => {
  function showSetup(token: string | null = null) {
    FakeEventSource.instances = [];
    const posted: { url: string; headers: Record<string, string>; body?: string }[] = [];
    const gate = { current: () => token } as unknown as AdminTokenGate;
    const http = async (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
      posted.push({ url, headers: init.headers, ...(init.body === undefined ? {} : { body: init.body }) });
      return { ok: true, status: 200, json: async () => ({}) };
    };
    const deps = { fetch: () => new Promise<never>(() => undefined), EventSource: FakeEventSource as unknown as WebBridgeDeps['EventSource'], setTimeout: () => 0, clearTimeout: () => undefined };
    const bridge = webBridge(deps, { http, gate });
    bridge.subscribe(() => undefined);
    return { bridge, posted, source: () => FakeEventSource.instances.at(-1)! };
  }

  it('posts commands and reports as JSON, with the admin token when there is one', async () => {
    const { bridge, posted } = showSetup('tok-123456789');
    await bridge.control!('next');
    await bridge.reportShowing!({ itemIds: ['a'], title: null, at: '2026-01-01T00:00:00.000Z' });
    expect(posted.map((p) => [p.url, p.headers['content-type'], p.headers['x-frame-admin-token']])).toEqual([
      ['/api/show/next', 'application/json', 'tok-123456789'],
      ['/api/show/showing', 'application/json', 'tok-123456789'],
    ]);
    expect(JSON.parse(posted[1]!.body!)).toEqual({ itemIds: ['a'], title: null, at: '2026-01-01T00:00:00.000Z' });
  });

  it('hands show-command events to its listeners, and nothing malformed', () => {
    const { bridge, source } = showSetup();
    const heard: string[] = [];
    const stop = bridge.onShowCommand!((command) => heard.push(command));
    source().emit('show-command', '"next"');
    source().emit('show-command', '"explode"');
    source().emit('show-command', 'not json');
    stop();
    source().emit('show-command', '"previous"');
    expect(heard).toEqual(['next']);
  });
});
