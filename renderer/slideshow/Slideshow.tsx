// The full-screen show: turns the latest snapshot into slides for the
// ShowController and renders its view as two stacked layers.
import { useCallback, useMemo } from 'react';
import type { DisplaySettings, FrameSnapshot } from '../../shared/display';
import type { GalleryItem } from '../../shared/gallery';
import { mediaPath } from '../../shared/media';
import type { ConnectionStatus } from '../bridge/frame-bridge';
import { useFrame } from '../state/frame-store';
import { EmptyState, UnavailableState } from './Notices';
import { SlideLayer, type Caption } from './SlideLayer';
import { StatusBar } from './StatusBar';
import { toSlides } from './slide-media';
import { useScreenSize } from './use-screen-size';
import { useShow } from './use-show';
import './slideshow.css';

export function Slideshow({ mediaUrl }: { mediaUrl: (path: string) => string }) {
  const snapshot = useFrame((s) => s.snapshot);
  const connection = useFrame((s) => s.connection);
  // Before the first snapshot: plain black, not "no photos".
  if (!snapshot) return <div className="slideshow" data-testid="loading" />;
  return <Show snapshot={snapshot} connection={connection} mediaUrl={mediaUrl} />;
}

interface ShowProps {
  snapshot: FrameSnapshot;
  connection: ConnectionStatus;
  mediaUrl: (path: string) => string;
}

function Show({ snapshot, connection, mediaUrl }: ShowProps) {
  const { gallery, display, status } = snapshot;
  const screen = useScreenSize();
  const { fit } = display;
  const slides = useMemo(
    () => toSlides(gallery.items, fit, (fileId) => mediaUrl(mediaPath({ fileId, width: screen.width, height: screen.height, fit }))),
    [gallery.items, fit, screen, mediaUrl],
  );
  const paused = status.screen === 'off';
  const { view, revealed } = useShow(slides, { slideMs: display.slideSeconds * 1000, paused });

  const byId = useMemo(() => new Map(gallery.items.map((item) => [item.id, item])), [gallery.items]);
  const captionOf = useCallback((itemId: string) => caption(byId.get(itemId), display.captions), [byId, display.captions]);
  const fade = display.transition === 'crossfade';

  return (
    <div className="slideshow" data-testid="slideshow">
      {view.notice === 'empty' && <EmptyState setupNeeded={status.setupNeeded} />}
      {view.notice === 'unavailable' && <UnavailableState />}
      {view.previous && <SlideLayer key={view.previous.key} slide={view.previous} current={false} fade={fade} caption={captionOf(view.previous.itemId)} onRevealed={revealed} />}
      {view.current && <SlideLayer key={view.current.key} slide={view.current} current fade={fade} caption={captionOf(view.current.itemId)} onRevealed={revealed} />}
      <StatusBar lastError={gallery.lastError} connection={connection} />
      {paused && <div className="screen-off" data-testid="screen-off" />}
    </div>
  );
}

function caption(item: GalleryItem | undefined, mode: DisplaySettings['captions']): Caption | null {
  if (!item || mode === 'none' || !item.title) return null;
  return mode === 'title-description' && item.description ? { title: item.title, description: item.description } : { title: item.title };
}
