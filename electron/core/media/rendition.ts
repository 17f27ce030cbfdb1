// Which Wix video rendition to play: the smallest at least as tall as the
// screen, never above 1080p (stock Electron has no hardware video decode on a Pi).
import type { VideoMedia } from '../../../shared/gallery';

export const MAX_VIDEO_HEIGHT = 1080;

export interface ChosenVideo {
  url: string;
  width?: number;
  height?: number;
}

export function chooseRendition(video: VideoMedia, screenHeight: number): ChosenVideo | null {
  const sized = video.resolutions.filter((r) => r.height !== undefined && r.height <= MAX_VIDEO_HEIGHT).sort((a, b) => a.height! - b.height!);
  const tallEnough = sized.find((r) => r.height! >= Math.min(screenHeight, MAX_VIDEO_HEIGHT));
  const pick = tallEnough ?? sized.at(-1) ?? video.resolutions.find((r) => r.height === undefined);
  if (pick) return { url: pick.url, ...(pick.width ? { width: pick.width } : {}), ...(pick.height ? { height: pick.height } : {}) };
  // Only renditions above 1080p, or none: the main url when there is one, else the smallest.
  if (video.url) return { url: video.url };
  const smallest = [...video.resolutions].sort((a, b) => (a.height ?? 0) - (b.height ?? 0))[0];
  return smallest ? { url: smallest.url } : null;
}
