// How the slideshow looks and moves. Main process decides, renderer obeys.

import type { GalleryState } from './gallery';

export type Transition = 'crossfade' | 'none';
export type FitMode = 'fit' | 'fill';

export interface DisplaySettings {
  slideSeconds: number;
  transition: Transition;
  fit: FitMode;
}

export const DEFAULT_DISPLAY: DisplaySettings = { slideSeconds: 15, transition: 'crossfade', fit: 'fit' };

/** Everything the renderer needs, pushed whole on connect and on every change. */
export interface FrameSnapshot {
  gallery: GalleryState;
  display: DisplaySettings;
}
