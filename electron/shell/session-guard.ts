// Session-wide hardening: every response carries our CSP, every permission
// (camera, geolocation, notifications, …) and every device (USB, HID, serial)
// is refused, downloads never start.
// A photo frame needs none of them.
import { ELECTRON_MEDIA_SCHEME } from '../../shared/channels';
import { withContentSecurityPolicy } from './csp';

export interface HeadersReceivedDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}

export interface HardenableSession {
  webRequest: {
    onHeadersReceived(
      listener: (details: HeadersReceivedDetails, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: { deviceType: string }) => boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface GuardLogger {
  warn(message: string): void;
}

export function hardenSession(session: HardenableSession, logger?: GuardLogger): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // Photos and videos keep their own, stricter policy (sandbox; default-src 'none').
    if (details.url.startsWith(`${ELECTRON_MEDIA_SCHEME}:`)) return callback({});
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    logger?.warn(`Denied the renderer's request for the "${permission}" permission.`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => {
    logger?.warn('Refused a download.');
    event.preventDefault();
  });
}
