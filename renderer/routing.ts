// Two pages: the slideshow, and settings at /settings (web shell) or
// #/settings (Electron serves one document, frame-app://app/index.html, so it routes by hash).
// Moving between them never reloads the page: the show's connection stays.
import { useSyncExternalStore } from 'react';

export type Route = { page: 'slideshow' } | { page: 'settings'; /** where "back to the slideshow" goes */ backHref: string };

const SETTINGS_PATH = /\/settings\/?$/;
const SETTINGS_HASH = /^#\/settings\/?$/;

export function routeOf(pathname: string, hash: string): Route {
  if (SETTINGS_HASH.test(hash)) return { page: 'settings', backHref: '#/' };
  if (SETTINGS_PATH.test(pathname)) return { page: 'settings', backHref: pathname.replace(SETTINGS_PATH, '/') };
  return { page: 'slideshow' };
}

/** Where settings live from this page: a hash for a page loaded from a file, a path on the web shell. */
export function settingsHref(protocol: string, pathname: string): string {
  if (protocol === 'file:' || /\.html?$/.test(pathname)) return '#/settings';
  return `${pathname.replace(/\/+$/, '')}/settings`;
}

/** Hashes change by themselves; paths go through history (popstate tells useRoute). */
export function navigate(href: string): void {
  if (href.startsWith('#')) {
    location.hash = href;
    return;
  }
  if (href === `${location.pathname}${location.search}`) return;
  history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function openSettings(): void {
  if (routeOf(location.pathname, location.hash).page === 'settings') return;
  navigate(settingsHref(location.protocol, location.pathname));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

const locationKey = () => `${location.pathname}${location.hash}`;

export function useRoute(): Route {
  useSyncExternalStore(subscribe, locationKey);
  return routeOf(location.pathname, location.hash);
}
