// Per-page hardening: the window only ever shows the app's own index.html.
// Links, redirects by script and window.open go nowhere; <webview> is refused
// even though webviewTag is already off.
import { isAppUrl } from './app-url';
import type { GuardLogger } from './session-guard';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  url: string;
}

export interface GuardableWebContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function hardenWebContents(contents: GuardableWebContents, indexUrl: string, logger?: GuardLogger): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, indexUrl)) return;
    logger?.warn(`Blocked navigation to ${event.url}.`);
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger?.warn(`Blocked a new window for ${url}.`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    logger?.warn('Blocked a <webview>.');
    event.preventDefault();
  });
}
