// Binds a ShowController to React: one controller per mounted slideshow, fed
// every new slide list, rendering its view; with the preloader that decodes
// the next picture ahead and the watchdog that reloads a stuck page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeImage } from './image-loader';
import { Preloader } from './preloader';
import { picturesOf, type Slide } from './sequence';
import { ShowController, slidePeriodMs, type ShowOptions, type ShowView } from './show-controller';
import { startTimer } from './timers';
import { Watchdog } from './watchdog';

const NOTHING_SHOWN: ShowView = { current: null, previous: null, notice: null };

/** A photo, a poster or both photos of a pair are decoded before the swap; a video without a poster reveals itself once it plays. */
function loadSlide(slide: Slide, signal: AbortSignal): Promise<void> {
  return Promise.all(picturesOf(slide).map((url) => decodeImage(url, signal))).then(() => undefined);
}

export interface ShowHandle {
  view: ShowView;
  next: () => void;
  previous: () => void;
  revealed: (key: number) => void;
  ended: (key: number) => void;
  failed: (key: number) => void;
}

export function useShow(slides: Slide[], options: ShowOptions, reload: () => void): ShowHandle {
  const [view, setView] = useState(NOTHING_SHOWN);
  const controller = useRef<ShowController | null>(null);
  const watchdog = useRef<Watchdog | null>(null);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;

  useEffect(() => {
    const preloader = new Preloader();
    const dog = new Watchdog({ setTimer: startTimer, reload: () => reloadRef.current() });
    const show = new ShowController({
      load: loadSlide,
      setTimer: startTimer,
      render: setView,
      preload: (upcoming) => preloader.keep(upcoming.flatMap(picturesOf)),
      progressed: () => dog.kick(),
    });
    controller.current = show;
    watchdog.current = dog;
    return () => {
      show.dispose();
      dog.dispose();
      preloader.keep([]);
      controller.current = null;
      watchdog.current = null;
    };
  }, []);

  const { slideMs, paused, order } = options;
  useEffect(() => {
    controller.current?.update(slides, { slideMs, paused, ...(order ? { order } : {}) });
  }, [slides, slideMs, paused, order]);

  // Watch only while the show should move: two or more slides and the screen on.
  const periodMs = slidePeriodMs(view.current, slideMs);
  const watching = slides.length >= 2 && !paused;
  useEffect(() => {
    watchdog.current?.configure(watching, periodMs);
  }, [watching, periodMs]);

  const revealed = useCallback((key: number) => controller.current?.revealed(key), []);
  const ended = useCallback((key: number) => controller.current?.ended(key), []);
  const failed = useCallback((key: number) => controller.current?.failed(key), []);
  const next = useCallback(() => controller.current?.next(), []);
  const previous = useCallback(() => controller.current?.previous(), []);
  return { view, next, previous, revealed, ended, failed };
}
