// One full-screen layer: a photo (or a video over its poster) on black, or on
// a blurred, dimmed copy of itself when it does not fill the screen. It stays
// transparent until its picture is there, then becomes visible (fading in
// when `fade`); only its opacity ever animates.
import { useCallback, useLayoutEffect, useRef, useState, type CSSProperties, type TransitionEvent } from 'react';
import { drawBackdrop } from './backdrop';
import type { Caption } from './caption';
import { hasPicture } from './sequence';
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
  fade: boolean;
  /** Screen off: videos hold still. */
  paused: boolean;
  caption: Caption | null;
}

export function SlideLayer({ slide, current, fade, paused, caption, onRevealed, onEnded, onFailed }: SlideLayerProps) {
  const layer = useRef<HTMLDivElement>(null);
  const image = useRef<HTMLImageElement>(null);
  const backdrop = useRef<HTMLCanvasElement>(null);
  const shown = useRef(false);
  const [visible, setVisible] = useState(false);
  const picture = hasPicture(slide);
  const { key, fit } = slide;

  const reveal = useCallback(
    (source: HTMLImageElement | HTMLVideoElement | null) => {
      const box = layer.current;
      if (!box || shown.current) return;
      shown.current = true;
      if (backdrop.current && source) drawBackdrop(backdrop.current, source, { width: box.clientWidth, height: box.clientHeight });
      // Make the browser take in the transparent style first, so the change starts the transition at 0.
      box.getBoundingClientRect();
      setVisible(true);
    },
    [],
  );

  // The picture was decoded before this layer existed, so it is usually complete at once.
  useLayoutEffect(() => {
    const img = image.current;
    if (img?.complete && img.naturalWidth > 0) reveal(img);
  }, [reveal]);

  // Without a fade the layer is fully visible in the same frame it appears.
  useLayoutEffect(() => {
    if (visible && !fade) onRevealed(key);
  }, [visible, fade, onRevealed, key]);

  const onTransitionEnd = (event: TransitionEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget && event.propertyName === 'opacity') onRevealed(key);
  };

  const imageStyle: CSSProperties | undefined = slide.position ? { objectPosition: slide.position } : undefined;
  const className = ['layer', `layer--${fit}`, fade ? 'layer--fade' : '', visible ? 'layer--visible' : ''].filter(Boolean).join(' ');
  return (
    <div
      ref={layer}
      className={className}
      data-current={current ? 'true' : 'false'}
      data-item-id={slide.itemId}
      data-kind={slide.video ? 'video' : 'image'}
      onTransitionEnd={onTransitionEnd}
    >
      {fit === 'fit' && <canvas ref={backdrop} className="layer__backdrop" aria-hidden="true" />}
      {picture && (
        <img
          ref={image}
          className="layer__image"
          src={slide.url}
          style={imageStyle}
          alt={caption?.title ?? ''}
          decoding="sync"
          draggable={false}
          onLoad={(event) => reveal(event.currentTarget)}
        />
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
      {caption && (
        <div className="caption">
          <div className="caption__title">{caption.title}</div>
          {caption.description && <div className="caption__text">{caption.description}</div>}
        </div>
      )}
    </div>
  );
}
