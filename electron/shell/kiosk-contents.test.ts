import { describe, expect, it, vi } from 'vitest';
import { hardenKioskContents, type KioskContents } from './kiosk-contents';
import { FakeEmitter } from './test-support/fake-emitter';

class FakeContents extends FakeEmitter implements KioskContents {
  zoomLimits: [number, number][] = [];
  zoomFails = false;
  devToolsOpen = false;
  opened: { mode: string }[] = [];
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits.push([min, max]);
    return this.zoomFails ? Promise.reject(new Error('no frame')) : Promise.resolve();
  }
  openDevTools(options: { mode: 'detach' }): void {
    this.opened.push(options);
    this.devToolsOpen = true;
    this.emit('devtools-opened');
  }
  closeDevTools(): void {
    this.devToolsOpen = false;
  }
}

const off = { allowed: false, openOnStart: false };

describe('hardenKioskContents', () => {
  it('pins pinch-zoom to 1 after every load', () => {
    const contents = new FakeContents();
    hardenKioskContents(contents, off);
    expect(contents.zoomLimits).toEqual([]);
    contents.emit('did-finish-load');
    contents.emit('did-finish-load');
    expect(contents.zoomLimits).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('logs instead of failing when the zoom limits cannot be set', async () => {
    const contents = new FakeContents();
    contents.zoomFails = true;
    const logger = { warn: vi.fn() };
    hardenKioskContents(contents, off, logger);
    contents.emit('did-finish-load');
    await vi.waitFor(() => expect(logger.warn).toHaveBeenCalledWith('Could not turn pinch-zoom off: no frame'));
  });

  it('closes DevTools again when they are off but open anyway', () => {
    const contents = new FakeContents();
    const logger = { warn: vi.fn() };
    hardenKioskContents(contents, off, logger);
    contents.devToolsOpen = true;
    contents.emit('devtools-opened');
    expect(contents.devToolsOpen).toBe(false);
    expect(logger.warn).toHaveBeenCalledOnce();
    expect(contents.opened).toEqual([]);
  });

  it('leaves allowed DevTools alone, and opens them detached when asked to', () => {
    const allowed = new FakeContents();
    hardenKioskContents(allowed, { allowed: true, openOnStart: false });
    expect(allowed.opened).toEqual([]);
    allowed.openDevTools({ mode: 'detach' });
    expect(allowed.devToolsOpen).toBe(true);

    const debugging = new FakeContents();
    hardenKioskContents(debugging, { allowed: true, openOnStart: true });
    expect(debugging.opened).toEqual([{ mode: 'detach' }]);
    expect(debugging.devToolsOpen).toBe(true);
  });
});
