// How the slideshow looks and moves. Main process decides, renderer obeys.

import type { GalleryState } from './gallery';
import type { Captions, FitMode, SlideOrder, Transition } from './settings';

export type { Captions, FitMode, SlideOrder, Transition };

export interface DisplaySettings {
  slideSeconds: number;
  transition: Transition;
  fit: FitMode;
  order: SlideOrder;
  captions: Captions;
}

export const DEFAULT_DISPLAY: DisplaySettings = { slideSeconds: 15, transition: 'crossfade', fit: 'fit', order: 'sorted', captions: 'none' };

export interface FrameStatus {
  /** Nothing connects the frame to Wix yet: the settings screen opens by itself. */
  setupNeeded: boolean;
  demo: boolean;
  /** 'off' at night (schedule or by hand): the show pauses on a black screen. */
  screen: 'on' | 'off';
}

/** Everything the renderer needs, pushed whole on connect and on every change. */
export interface FrameSnapshot {
  gallery: GalleryState;
  display: DisplaySettings;
  status: FrameStatus;
}
