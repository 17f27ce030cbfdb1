// One full-screen layer: a photo on black. It stays transparent until its
// <img> has the photo, then becomes visible (fading in when `fade`); only its
// opacity ever animates.
import { useCallback, useLayoutEffect, useRef, useState, type TransitionEvent } from 'react';
import type { ShownSlide } from './show-controller';

export interface Caption {
  title: string;
  description?: string;
}

interface SlideLayerProps {
  slide: ShownSlide;
  current: boolean;
  fade: boolean;
  caption: Caption | null;
  onRevealed: (key: number) => void;
}

export function SlideLayer({ slide, current, fade, caption, onRevealed }: SlideLayerProps) {
  const layer = useRef<HTMLDivElement>(null);
  const image = useRef<HTMLImageElement>(null);
  const [visible, setVisible] = useState(false);

  const reveal = useCallback(() => {
    // Make the browser take in the transparent style first, so the change starts the transition at 0.
    layer.current?.getBoundingClientRect();
    setVisible(true);
  }, []);

  // The photo was decoded before this layer existed, so it is usually complete at once.
  useLayoutEffect(() => {
    const img = image.current;
    if (img?.complete && img.naturalWidth > 0) reveal();
  }, [reveal]);

  // Without a fade the layer is fully visible in the same frame it appears.
  useLayoutEffect(() => {
    if (visible && !fade) onRevealed(slide.key);
  }, [visible, fade, onRevealed, slide.key]);

  const onTransitionEnd = (event: TransitionEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget && event.propertyName === 'opacity') onRevealed(slide.key);
  };

  const className = ['layer', `layer--${slide.fit}`, fade ? 'layer--fade' : '', visible ? 'layer--visible' : ''].filter(Boolean).join(' ');
  return (
    <div ref={layer} className={className} data-current={current ? 'true' : 'false'} data-item-id={slide.itemId} onTransitionEnd={onTransitionEnd}>
      <img ref={image} className="layer__image" src={slide.url} alt={caption?.title ?? ''} decoding="sync" draggable={false} onLoad={reveal} />
      {caption && (
        <div className="caption">
          <div className="caption__title">{caption.title}</div>
          {caption.description && <div className="caption__text">{caption.description}</div>}
        </div>
      )}
    </div>
  );
}
