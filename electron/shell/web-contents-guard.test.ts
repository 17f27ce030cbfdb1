import { describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL } from './app-url';
import { FakeEmitter, FakeEvent } from './test-support/fake-emitter';
import { hardenWebContents, type GuardableWebContents } from './web-contents-guard';

const INDEX = APP_INDEX_URL;

class FakeWebContents extends FakeEmitter implements GuardableWebContents {
  openHandler: Parameters<GuardableWebContents['setWindowOpenHandler']>[0] | null = null;
  setWindowOpenHandler(handler: Parameters<GuardableWebContents['setWindowOpenHandler']>[0]): void {
    this.openHandler = handler;
  }
}

function guarded() {
  const contents = new FakeWebContents();
  const logger = { warn: vi.fn() };
  hardenWebContents(contents, INDEX, logger);
  return { contents, logger };
}

describe('hardenWebContents', () => {
  it.each(['https://example.com/', 'file:///etc/passwd', 'frame-media://media/media/a.jpg?w=1&h=1&fit=fit', 'javascript:alert(1)'])(
    'blocks navigation to %s',
    (url) => {
      const { contents, logger } = guarded();
      const event = new FakeEvent(url);
      contents.emit('will-navigate', event);
      expect(event.defaultPrevented).toBe(true);
      expect(logger.warn).toHaveBeenCalledOnce();
    },
  );

  it("lets the app's own index reload, with its routes", () => {
    const { contents } = guarded();
    for (const url of [INDEX, `${INDEX}#/settings`]) {
      const event = new FakeEvent(url);
      contents.emit('will-navigate', event);
      expect(event.defaultPrevented).toBe(false);
    }
  });

  it('denies every window.open', () => {
    const { contents } = guarded();
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: INDEX })).toEqual({ action: 'deny' });
  });

  it('refuses <webview>', () => {
    const { contents } = guarded();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.defaultPrevented).toBe(true);
  });
});
