// Wix's resizing URLs: never fetch an original when the screen needs less.
import type { MediaRequest } from '../../../shared/media';

export function wixResizedUrl(mediaBaseUrl: string, req: MediaRequest): string {
  const id = encodeURIComponent(req.fileId);
  const w = Math.min(5000, Math.max(1, Math.round(req.width)));
  const h = Math.min(5000, Math.max(1, Math.round(req.height)));
  return `${mediaBaseUrl}/media/${id}/v1/${req.fit}/w_${w},h_${h},al_c,q_85,enc_auto/${id}`;
}
