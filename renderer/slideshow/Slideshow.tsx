// The full-screen show: turns the latest snapshot into slides for the
// ShowController and renders its view as two stacked layers.
import { useCallback, useMemo } from 'react';
import type { FrameSnapshot } from '../../shared/display';
import type { ConnectionStatus } from '../bridge/frame-bridge';
import { useFrame } from '../state/frame-store';
import { EmptyState, UnavailableState } from './Notices';
import { ShowGuard } from './ShowGuard';
import { captionFor } from './caption';
import { SlideLayer } from './SlideLayer';
import { StatusBar } from './StatusBar';
import { toSlides } from './slide-media';
import { useScreenSize } from './use-screen-size';
import { useShow } from './use-show';
import { reloadWhenReachable } from './watchdog';
import './slideshow.css';

interface SlideshowProps {
  mediaUrl: (path: string) => string;
  /** How the watchdog reloads a stuck page; tests pass their own. */
  reload?: () => void;
}

export function Slideshow({ mediaUrl, reload = reloadWhenReachable }: SlideshowProps) {
  const snapshot = useFrame((s) => s.snapshot);
  const connection = useFrame((s) => s.connection);
  // Before the first snapshot: plain black, not "no photos".
  if (!snapshot) return <div className="slideshow" data-testid="loading" />;
  return (
    <ShowGuard reload={reload}>
      <Show snapshot={snapshot} connection={connection} mediaUrl={mediaUrl} reload={reload} />
    </ShowGuard>
  );
}

interface ShowProps {
  snapshot: FrameSnapshot;
  connection: ConnectionStatus;
  mediaUrl: (path: string) => string;
  reload: () => void;
}

function Show({ snapshot, connection, mediaUrl, reload }: ShowProps) {
  const { gallery, display, status } = snapshot;
  const screen = useScreenSize();
  const { fit } = display;
  const slides = useMemo(() => toSlides(gallery.items, { fit, screen, urlOf: mediaUrl }), [gallery.items, fit, screen, mediaUrl]);
  const paused = status.screen === 'off';
  const { view, revealed, ended, failed } = useShow(slides, { slideMs: display.slideSeconds * 1000, paused, order: display.order }, reload);

  const byId = useMemo(() => new Map(gallery.items.map((item) => [item.id, item])), [gallery.items]);
  const captionOf = useCallback((itemId: string) => captionFor(byId.get(itemId), display.captions), [byId, display.captions]);
  const fade = display.transition === 'crossfade';
  const layer = { fade, paused, onRevealed: revealed, onEnded: ended, onFailed: failed };

  return (
    <div className="slideshow" data-testid="slideshow">
      {view.notice === 'empty' && <EmptyState setupNeeded={status.setupNeeded} />}
      {view.notice === 'unavailable' && <UnavailableState />}
      {view.previous && <SlideLayer key={view.previous.key} slide={view.previous} current={false} caption={captionOf(view.previous.itemId)} {...layer} />}
      {view.current && <SlideLayer key={view.current.key} slide={view.current} current caption={captionOf(view.current.itemId)} {...layer} />}
      <StatusBar lastError={gallery.lastError} connection={connection} />
      {paused && <div className="screen-off" data-testid="screen-off" />}
    </div>
  );
}
