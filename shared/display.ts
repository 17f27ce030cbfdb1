// How the slideshow looks and moves, and what the frame says about itself.
// Main process decides, renderer obeys.

import type { GalleryState } from './gallery';
import type { Captions, ClockMode, FitMode, Settings, SlideOrder, Transition } from './settings';

export type { Captions, ClockMode, FitMode, SlideOrder, Transition };

export interface DisplaySettings {
  slideSeconds: number;
  transition: Transition;
  fit: FitMode;
  order: SlideOrder;
  captions: Captions;
  /** Two portraits side by side on a landscape screen (two landscapes stacked on a portrait one). */
  pairPortraits: boolean;
  /** A slow pan and zoom toward the focal point. */
  kenBurns: boolean;
  clock: ClockMode;
}

export const DEFAULT_DISPLAY: DisplaySettings = {
  slideSeconds: 15,
  transition: 'crossfade',
  fit: 'fit',
  order: 'sorted',
  captions: 'none',
  pairPortraits: true,
  kenBurns: false,
  clock: 'off',
};

/** The display part of the settings, as the renderer receives it. */
export function displayOf(s: Settings): DisplaySettings {
  return {
    slideSeconds: s.slideSeconds,
    transition: s.transition,
    fit: s.fit,
    order: s.order,
    captions: s.captions,
    pairPortraits: s.pairPortraits,
    kenBurns: s.kenBurns,
    clock: s.clock,
  };
}

export type ProblemArea = 'setup' | 'wix' | 'storage' | 'screen' | 'webhook' | 'relay';

/** Something wrong, said in words where people look (the show's corner line, the settings screen). */
export interface StatusProblem {
  area: ProblemArea;
  /** One sentence: what is wrong and what still works. */
  message: string;
  /** One sentence: what to do about it. */
  action: string;
  /** When it started (ISO time), if known. */
  since: string | null;
  /** The settings field that fixes it, if any. */
  field?: keyof Settings;
}

/** A frame on an MQTT broker (FRAME_MQTT_URL): its name, its links, the relay key it believes. */
export interface FleetStatus {
  frameId: string;
  broker: 'connected' | 'away';
  relay: 'online' | 'offline' | 'unknown';
  /** SHA-256 thumbprint of the pinned relay key, and whether FRAME_RELAY_PUBLIC_KEY or first use pinned it. */
  relayKey: { fingerprint: string; source: 'env' | 'first-use' } | null;
  /** Where the gallery comes from: the relay (no Wix credentials here) or Wix itself. */
  source: 'relay' | 'wix';
}

export interface FrameStatus {
  /** Nothing connects the frame to Wix yet: the settings screen opens by itself. */
  setupNeeded: boolean;
  demo: boolean;
  /** 'off' at night (schedule or by hand): the show pauses on a black screen. */
  screen: 'on' | 'off';
  /** Most important first; empty when all is well. */
  problems: StatusProblem[];
  /** Paused by a person (Space, the control strip, the API): the photo stays. */
  paused: boolean;
  /** Present only on a frame with FRAME_MQTT_URL. */
  fleet?: FleetStatus;
}

/** Everything the renderer needs, pushed whole on connect and on every change. */
export interface FrameSnapshot {
  gallery: GalleryState;
  display: DisplaySettings;
  status: FrameStatus;
}
