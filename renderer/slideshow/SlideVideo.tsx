// A video slide's player: muted, inline, from the shell's /video route. It
// stays transparent (the poster shows through) until it really plays, plays
// only while its layer is current and the screen is on, and reports its end,
// an error or a stall. Its decoder is released when the layer goes.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FitMode } from '../../shared/display';
import { StallWatch } from './stall-watch';
import { startTimer } from './timers';

interface SlideVideoProps {
  src: string;
  fit: FitMode;
  /** Current layer and screen on: play. Otherwise hold still. */
  active: boolean;
  /** The first frame is on screen. */
  onPlaying?: (video: HTMLVideoElement) => void;
  onEnded: () => void;
  onFailed: () => void;
}

export function SlideVideo({ src, fit, active, onPlaying, onEnded, onFailed }: SlideVideoProps) {
  const ref = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  const report = useRef({ onEnded, onFailed });
  report.current = { onEnded, onFailed };

  // The source is set here, not as a prop, so that it can be released again:
  // unmounting alone leaves the decoder and its buffers to the garbage collector.
  useLayoutEffect(() => {
    const video = ref.current;
    if (!video) return;
    // Autoplay is only allowed muted: set the property itself before anything loads.
    video.muted = true;
    video.src = src;
    return () => {
      video.pause();
      video.removeAttribute('src');
      video.load();
    };
  }, [src]);

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    if (!active) {
      video.pause();
      return;
    }
    const watch = new StallWatch({ setTimer: startTimer, position: () => video.currentTime, stalled: () => report.current.onFailed() });
    const ended = () => {
      watch.stop();
      report.current.onEnded();
    };
    const failed = () => {
      watch.stop();
      report.current.onFailed();
    };
    video.addEventListener('ended', ended);
    video.addEventListener('error', failed);
    if (video.error) failed();
    else if (video.ended) ended();
    else {
      watch.start();
      // A refused play() shows up as no progress (or an error event): nothing to do here.
      video.play().catch(() => {});
    }
    return () => {
      watch.stop();
      video.removeEventListener('ended', ended);
      video.removeEventListener('error', failed);
      video.pause();
    };
  }, [active]);

  const className = ['layer__video', `layer__video--${fit}`, playing ? 'layer__video--playing' : ''].filter(Boolean).join(' ');
  return (
    <video
      ref={ref}
      className={className}
      muted
      autoPlay={active}
      playsInline
      preload="auto"
      disablePictureInPicture
      disableRemotePlayback
      onPlaying={(event) => {
        setPlaying(true);
        onPlaying?.(event.currentTarget);
      }}
    />
  );
}
