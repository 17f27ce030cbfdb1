// Where the renderer fetches media inside Electron. Kept apart from the
// protocol handler so the preload bundle stays a few lines of constants.
//
// The renderer builds `${MEDIA_ORIGIN}${mediaPath(req)}`, e.g.
//   frame-media://media/media/abc~mv2.jpg?w=1920&h=1080&fit=fit
// A standard scheme parses like http: host "media", pathname "/media/abc~mv2.jpg",
// so the handler hands pathname and query to the shared parseMediaPath unchanged.
import { ELECTRON_MEDIA_SCHEME } from '../../shared/channels';

export const MEDIA_HOST = 'media';
export const MEDIA_ORIGIN = `${ELECTRON_MEDIA_SCHEME}://${MEDIA_HOST}`;
