import { describe, expect, it, vi } from 'vitest';
import { IpcChannels } from '../../shared/channels';
import { APP_INDEX_URL } from './app-url';
import { forwardSettingsShortcut, isOpenSettingsShortcut, type KeyInput, type ShortcutContents } from './settings-shortcut';
import { FakeEmitter, FakeEvent } from './test-support/fake-emitter';

const INDEX = APP_INDEX_URL;

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  isAutoRepeat: false,
  shift: false,
  control: false,
  alt: false,
  meta: false,
  ...mods,
});

class FakeContents extends FakeEmitter implements ShortcutContents {
  url = INDEX;
  destroyed = false;
  readonly sent: { channel: string; payload: null }[] = [];
  send(channel: typeof IpcChannels.openSettings, payload: null): void {
    this.sent.push({ channel, payload });
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  press(input: KeyInput): FakeEvent {
    const event = new FakeEvent();
    this.emit('before-input-event', event, input);
    return event;
  }
}

describe('isOpenSettingsShortcut', () => {
  it.each([key('F2'), key(',', { control: true }), key(',', { meta: true })])('opens settings for %o', (input) => {
    expect(isOpenSettingsShortcut(input)).toBe(true);
  });

  it.each([
    key('F2', { type: 'keyUp' }),
    key('F2', { isAutoRepeat: true }),
    key('F2', { control: true }),
    key('F2', { alt: true }),
    key(','),
    key(',', { control: true, shift: true }),
    key(',', { control: true, alt: true }),
    key('s', { control: true }),
    key('F12'),
  ])('ignores %o', (input) => {
    expect(isOpenSettingsShortcut(input)).toBe(false);
  });
});

describe('forwardSettingsShortcut', () => {
  function setup() {
    const contents = new FakeContents();
    const logger = { warn: vi.fn() };
    forwardSettingsShortcut(contents, INDEX, logger);
    return { contents, logger };
  }

  it('swallows the key and asks the app page to open its settings', () => {
    const { contents } = setup();
    const event = contents.press(key('F2'));
    expect(event.defaultPrevented).toBe(true);
    expect(contents.sent).toEqual([{ channel: IpcChannels.openSettings, payload: null }]);
  });

  it('works from any route of the app, once per key press', () => {
    const { contents } = setup();
    contents.url = `${INDEX}#/settings`;
    contents.press(key(',', { control: true }));
    contents.press(key(',', { control: true, isAutoRepeat: true }));
    expect(contents.sent).toHaveLength(1);
  });

  it('lets every other key through to the page', () => {
    const { contents } = setup();
    const event = contents.press(key('ArrowRight'));
    expect(event.defaultPrevented).toBe(false);
    expect(contents.sent).toEqual([]);
  });

  it('sends nothing to a page that is not the app, or is gone', () => {
    const { contents, logger } = setup();
    contents.url = 'https://evil.example/';
    contents.press(key('F2'));
    contents.url = INDEX;
    contents.destroyed = true;
    contents.press(key('F2'));
    expect(contents.sent).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });
});
