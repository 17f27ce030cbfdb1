// Two pages: the slideshow, and settings at /settings (web shell) or
// #/settings (Electron loads index.html from disk, so it routes by hash).
import { useSyncExternalStore } from 'react';

export type Route = { page: 'slideshow' } | { page: 'settings'; /** where "back to the slideshow" goes */ backHref: string };

const SETTINGS_PATH = /\/settings\/?$/;
const SETTINGS_HASH = /^#\/settings\/?$/;

export function routeOf(pathname: string, hash: string): Route {
  if (SETTINGS_HASH.test(hash)) return { page: 'settings', backHref: '#/' };
  if (SETTINGS_PATH.test(pathname)) return { page: 'settings', backHref: pathname.replace(SETTINGS_PATH, '/') };
  return { page: 'slideshow' };
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
