// The app's own schemes, registered privileged in one call (a second call
// would replace the first): frame-app:// for the page, frame-media:// for
// photos and videos.
import type { CustomScheme } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';
import { MEDIA_SCHEME } from './media-protocol';

export interface PrivilegedSchemeRegistry {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
}

export const PRIVILEGED_SCHEMES: CustomScheme[] = [APP_SCHEME_PRIVILEGES, MEDIA_SCHEME];

/** Must run before the app's ready event (Electron's rule for privileged schemes). */
export function registerPrivilegedSchemes(protocol: PrivilegedSchemeRegistry): void {
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
}
