// frame-media:// serves resized Wix media to the sandboxed renderer. The page
// asks for frame-media://media/media/<file id>?w=&h=&fit= (see media-origin.ts)
// and frame-media://media/video/<item id>?h= (with Range, so <video> can seek);
// the core fetches Wix's resized copy or the video rendition for the screen.
// Anything else gets a 4xx, never a file.
import type { CustomScheme } from 'electron';
import { ELECTRON_MEDIA_SCHEME } from '../../shared/channels';
import { parseMediaPath, parseVideoPath, VIDEO_PATH_PREFIX } from '../../shared/media';
import type { RunningFrame } from '../core/frame-types';
import { MEDIA_HOST } from './media-origin';
import type { GuardLogger } from './session-guard';

export interface ProtocolHandlerRegistry {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export const MEDIA_SCHEME: CustomScheme = {
  scheme: ELECTRON_MEDIA_SCHEME,
  // standard: parsed like http (host + path); secure: no mixed-content warnings;
  // stream: <video> can play while the body is still arriving.
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export type MediaSource = Pick<RunningFrame, 'fetchMedia' | 'fetchVideo'>;

export function mediaRequestHandler(frame: MediaSource, logger?: GuardLogger): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return plain(405, 'Only GET is supported.');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad media URL.');
    }
    if (url.protocol !== `${ELECTRON_MEDIA_SCHEME}:` || url.host !== MEDIA_HOST) return plain(404, 'Unknown media host.');
    if (url.pathname.startsWith(VIDEO_PATH_PREFIX)) {
      const video = parseVideoPath(url.pathname, url.searchParams);
      if (!video) return plain(400, 'Bad video request: expected /video/<item id>?h=<1-5000>.');
      try {
        return await frame.fetchVideo(video, request.headers.get('range') ?? undefined, request.signal);
      } catch (error) {
        logger?.warn(`Video ${video.itemId} failed: ${(error as Error).message}`);
        return plain(502, 'Video unavailable.');
      }
    }
    const media = parseMediaPath(url.pathname, url.searchParams);
    if (!media) return plain(400, 'Bad media request: expected /media/<file id>?w=<1-5000>&h=<1-5000>&fit=fit|fill.');
    try {
      return await frame.fetchMedia(media, request.signal);
    } catch (error) {
      // fetchMedia turns Wix failures into responses itself; this is the last line.
      logger?.warn(`Media ${media.fileId} failed: ${(error as Error).message}`);
      return plain(502, 'Media unavailable.');
    }
  };
}

/** After ready: answers frame-media:// requests in the default session. */
export function handleMediaProtocol(protocol: ProtocolHandlerRegistry, frame: MediaSource, logger?: GuardLogger): void {
  protocol.handle(ELECTRON_MEDIA_SCHEME, mediaRequestHandler(frame, logger));
}
