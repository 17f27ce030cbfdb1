// One full-screen layer: a photo (or a video over its poster, or two photos
// sharing the screen) on black, or on a blurred, dimmed copy of itself when it
// does not fill the screen. It stays hidden until its pictures are there, then
// comes in with the chosen transition; only transform and opacity ever
// animate, so the compositor does the work. With Ken Burns the pictures drift
// toward the focal point: one Web Animation per slide, no script per frame.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type TransitionEvent } from 'react';
import { paintBackdrop } from './backdrop';
import type { Caption } from './caption';
import { driftToward } from './ken-burns';
import type { ShowTransition } from './look';
import { hasPicture, type SlidePart } from './sequence';
import type { ShownSlide } from './show-controller';
import { SlideVideo } from './SlideVideo';

export interface LayerEvents {
  /** Fully visible: the layer under it can go. */
  onRevealed: (key: number) => void;
  /** The video ended. */
  onEnded: (key: number) => void;
  /** The video cannot play. */
  onFailed: (key: number) => void;
}

interface SlideLayerProps extends LayerEvents {
  slide: ShownSlide;
  current: boolean;
  /** Nothing is on screen under this layer when it comes (the show's first photo): its backdrop may follow it. */
  onBlack?: boolean;
  transition: ShowTransition;
  /** Paused or screen off: videos and the drift hold still. */
  paused: boolean;
  caption: Caption | null;
  /** Ken Burns for this long (ms); null: the picture stands still. */
  driftMs: number | null;
  /** Each photo's own title, for its alt text. */
  altOf: (itemId: string) => string;
}

/** The property whose transition ends the way in. */
const ENDS_WITH: Record<ShowTransition, string | null> = { crossfade: 'opacity', 'zoom-fade': 'opacity', slide: 'transform', none: null };

export function SlideLayer({ slide, current, onBlack = false, transition, paused, caption, driftMs, altOf, onRevealed, onEnded, onFailed }: SlideLayerProps) {
  const layer = useRef<HTMLDivElement>(null);
  const drift = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const shown = useRef(false);
  const firstOnScreen = useRef(onBlack);
  /** The backdrop of a photo that came over black, painted once it is in. */
  const lateBackdrop = useRef<(() => void) | null>(null);
  const animation = useRef<Animation | null>(null);
  const [visible, setVisible] = useState(false);
  const picture = hasPicture(slide);
  const { key, fit, pair } = slide;
  const animated = ENDS_WITH[transition] !== null;

  const reveal = useCallback(
    (source: HTMLImageElement | HTMLVideoElement | null) => {
      const box = layer.current;
      if (!box || shown.current) return;
      const screen = { width: box.clientWidth, height: box.clientHeight };
      let sources: (HTMLImageElement | HTMLVideoElement)[] = [];
      if (pair) {
        const images = [...box.querySelectorAll<HTMLImageElement>('.layer__image')];
        if (images.length < 2 || !images.every((img) => img.complete && img.naturalWidth > 0)) return;
        sources = images;
      } else if (source) {
        sources = [source];
      }
      shown.current = true;
      const paint = () => {
        if (backdrop.current && sources.length > 0) paintBackdrop(backdrop.current, sources, screen, pair ? pair.layout : null);
      };
      // Painting a backdrop decodes the photo once more on this thread (~40-80 ms
      // here, more on a Pi). Over another photo the backdrop is there before the
      // layer starts to show. Over black (the show's first photo) the photo does
      // not wait for it: the backdrop follows once the photo is in, fading in.
      if (firstOnScreen.current) {
        lateBackdrop.current = () => {
          paint();
          backdrop.current?.classList.add('layer__backdrop--late');
        };
      } else {
        paint();
      }
      // Make the browser take in the hidden style first, so the change starts the transition there.
      box.getBoundingClientRect();
      setVisible(true);
    },
    [pair],
  );

  // The pictures were decoded before this layer existed, so they are usually complete at once.
  useLayoutEffect(() => {
    const img = layer.current?.querySelector<HTMLImageElement>('.layer__image');
    if (img?.complete && img.naturalWidth > 0) reveal(img);
  }, [reveal]);

  /** Fully visible: a late backdrop is painted, and the layer under this one may go. */
  const arrived = useCallback(() => {
    const paintLate = lateBackdrop.current;
    lateBackdrop.current = null;
    paintLate?.();
    onRevealed(key);
  }, [onRevealed, key]);

  // Without a transition the layer is fully visible in the same frame it appears.
  useLayoutEffect(() => {
    if (visible && !animated) arrived();
  }, [visible, animated, arrived]);

  // Ken Burns: started once per slide, from the moment it comes in, handed to the compositor.
  useEffect(() => {
    const box = layer.current;
    const target = drift.current;
    if (!visible || driftMs === null || slide.video || !box || !target || typeof target.animate !== 'function') return;
    const path = driftToward(box.clientWidth, box.clientHeight, slide.focus ?? { x: 0.5, y: 0.5 });
    target.style.transformOrigin = path.origin;
    const running = target.animate([{ transform: path.from }, { transform: path.to }], { duration: driftMs, easing: 'ease-in-out', fill: 'forwards' });
    animation.current = running;
    return () => {
      running.cancel();
      animation.current = null;
    };
  }, [visible, driftMs, slide.video, slide.focus]);

  useEffect(() => {
    const running = animation.current;
    if (!running) return;
    if (paused) running.pause();
    else if (running.playState === 'paused') running.play();
  }, [paused, visible]);

  const onTransitionEnd = (event: TransitionEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget && event.propertyName === ENDS_WITH[transition]) arrived();
  };

  const className = ['layer', `layer--${fit}`, `layer--t-${transition}`, slide.back ? 'layer--back' : '', visible ? 'layer--visible' : ''].filter(Boolean).join(' ');
  // A single item marks the layer; a pair marks each half instead (two current elements, two ids).
  const marks = pair ? {} : { 'data-current': current ? 'true' : 'false', 'data-item-id': slide.itemId };
  return (
    <div ref={layer} className={className} {...marks} data-kind={slide.video ? 'video' : pair ? 'pair' : 'image'} onTransitionEnd={onTransitionEnd}>
      {fit === 'fit' && <div ref={backdrop} className="layer__backdrop" aria-hidden="true" />}
      <div ref={drift} className="layer__drift">
        {pair ? (
          <div className={`layer__pair layer__pair--${pair.layout}`}>
            {pair.parts.map((part, i) => (
              <Half key={part.itemId} part={part} hug={fit === 'fit' ? HUG[pair.layout][i]! : undefined} current={current} alt={altOf(part.itemId)} onLoad={reveal} />
            ))}
          </div>
        ) : (
          picture && (
            <img
              className="layer__image"
              src={slide.url}
              style={slide.position ? { objectPosition: slide.position } : undefined}
              alt={altOf(slide.itemId)}
              decoding="sync"
              draggable={false}
              onLoad={(event) => reveal(event.currentTarget)}
            />
          )
        )}
        {slide.video && (
          <SlideVideo
            src={slide.video}
            fit={fit}
            active={current && !paused}
            {...(picture ? {} : { onPlaying: reveal })}
            onEnded={() => onEnded(key)}
            onFailed={() => onFailed(key)}
          />
        )}
      </div>
      {caption && (
        <div className="caption overlay">
          <div className="caption__title">{caption.title}</div>
          {caption.description && <div className="caption__text">{caption.description}</div>}
        </div>
      )}
    </div>
  );
}

/** Where each whole ('fit') photo of a pair sits in its half: against the seam, so the two read as one diptych. */
const HUG = { row: ['100% 50%', '0% 50%'], column: ['50% 100%', '50% 0%'] } as const;

interface HalfProps {
  part: SlidePart;
  hug: string | undefined;
  current: boolean;
  alt: string;
  onLoad: (img: HTMLImageElement) => void;
}

/** One photo of a pair, in its half. */
function Half({ part, hug, current, alt, onLoad }: HalfProps) {
  const position = part.position ?? hug;
  const style: CSSProperties | undefined = position ? { objectPosition: position } : undefined;
  return (
    <div className="layer__half" data-current={current ? 'true' : 'false'} data-item-id={part.itemId}>
      <img className="layer__image" src={part.url} style={style} alt={alt} decoding="sync" draggable={false} onLoad={(event) => onLoad(event.currentTarget)} />
    </div>
  );
}
