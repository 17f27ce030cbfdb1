// Binds a ShowController to React: one controller per mounted slideshow,
// fed every new slide list, rendering its view.
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeImage } from './image-loader';
import type { Slide } from './sequence';
import { ShowController, type ShowOptions, type ShowView } from './show-controller';

const NOTHING_SHOWN: ShowView = { current: null, previous: null, notice: null };

export function useShow(slides: Slide[], options: ShowOptions): { view: ShowView; revealed: (key: number) => void } {
  const [view, setView] = useState(NOTHING_SHOWN);
  const controller = useRef<ShowController | null>(null);

  useEffect(() => {
    const show = new ShowController({
      load: decodeImage,
      setTimer: (fn, ms) => {
        const handle = setTimeout(fn, ms);
        return () => clearTimeout(handle);
      },
      render: setView,
    });
    controller.current = show;
    return () => {
      show.dispose();
      controller.current = null;
    };
  }, []);

  const { slideMs, paused } = options;
  useEffect(() => {
    controller.current?.update(slides, { slideMs, paused });
  }, [slides, slideMs, paused]);

  const revealed = useCallback((key: number) => controller.current?.revealed(key), []);
  return { view, revealed };
}
