import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { hardenSession, type HardenableSession, type HeadersReceivedDetails } from './session-guard';
import { FakeEmitter, FakeEvent } from './test-support/fake-emitter';

type HeadersListener = Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];
type RequestHandler = Parameters<HardenableSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<HardenableSession['setPermissionCheckHandler']>[0];
type DeviceHandler = Parameters<HardenableSession['setDevicePermissionHandler']>[0];

class FakeSession extends FakeEmitter implements HardenableSession {
  headersListener: HeadersListener | null = null;
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  deviceHandler: DeviceHandler | null = null;
  webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: DeviceHandler): void {
    this.deviceHandler = handler;
  }
}

function hardened() {
  const session = new FakeSession();
  const logger = { warn: vi.fn() };
  hardenSession(session, logger);
  return { session, logger };
}

describe('hardenSession', () => {
  it('puts the CSP on every response', () => {
    const { session } = hardened();
    const callback = vi.fn();
    const details: HeadersReceivedDetails = { url: 'frame-app://app/index.html', responseHeaders: { 'content-type': ['text/html'] } };
    session.headersListener!(details, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy()] },
    });
  });

  it('leaves media its own sandboxing policy', () => {
    const { session } = hardened();
    const callback = vi.fn();
    session.headersListener!({ url: 'frame-media://media/media/a.jpg?w=1&h=1&fit=fit', responseHeaders: { 'Content-Security-Policy': ["sandbox; default-src 'none'"] } }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen'])('denies the %s permission request', (permission) => {
    const { session, logger } = hardened();
    const callback = vi.fn();
    session.requestHandler!({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining(permission));
  });

  it('answers every permission check with no', () => {
    const { session } = hardened();
    expect(session.checkHandler!({}, 'media')).toBe(false);
    expect(session.checkHandler!(null, 'clipboard-read')).toBe(false);
  });

  it('grants no device', () => {
    const { session } = hardened();
    for (const deviceType of ['usb', 'hid', 'serial']) expect(session.deviceHandler!({ deviceType })).toBe(false);
  });

  it('cancels downloads', () => {
    const { session } = hardened();
    const event = new FakeEvent();
    session.emit('will-download', event);
    expect(event.defaultPrevented).toBe(true);
  });
});
