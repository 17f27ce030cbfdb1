// The full-screen show: turns the latest snapshot into slides for the
// ShowController (pairing photos that would look lost alone) and renders its
// view as two stacked layers, with the clock, the status line, the controls
// and the pause mark over them.
import { useCallback, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { FrameSnapshot } from '../../shared/display';
import type { ShowCommand } from '../../shared/show';
import type { ConnectionStatus, FrameBridge } from '../bridge/frame-bridge';
import { useFrame } from '../state/frame-store';
import { captionFor, type Caption } from './caption';
import { Clock } from './Clock';
import { lookOf } from './look';
import { EmptyState, UnavailableState } from './Notices';
import { useNudge } from './nudge';
import { PairBook } from './pairing';
import { itemsOf, type Slide } from './sequence';
import { ShowGuard } from './ShowGuard';
import { ControlStrip, PauseMark, useShowControls } from './ShowControls';
import { SlideLayer } from './SlideLayer';
import { StatusNote } from './StatusNote';
import { toSlides } from './slide-media';
import { useScreenSize } from './use-screen-size';
import { useShow } from './use-show';
import { reloadWhenReachable } from './watchdog';
import './slideshow.css';

/** What the show uses of its shell. */
export type ShowLink = Pick<FrameBridge, 'mediaUrl' | 'control' | 'reportShowing' | 'onShowCommand'>;

interface SlideshowProps {
  link: ShowLink;
  /** How the watchdog reloads a stuck page; tests pass their own. */
  reload?: () => void;
}

/** Ken Burns keeps moving through the next slide's way in. */
const DRIFT_EXTRA_MS = 2_500;

export function Slideshow({ link, reload = reloadWhenReachable }: SlideshowProps) {
  const snapshot = useFrame((s) => s.snapshot);
  const connection = useFrame((s) => s.connection);
  // Before the first snapshot: plain black, not "no photos".
  if (!snapshot) return <div className="slideshow" data-testid="loading" />;
  return (
    <ShowGuard reload={reload}>
      <Show snapshot={snapshot} connection={connection} link={link} reload={reload} />
    </ShowGuard>
  );
}

interface ShowProps {
  snapshot: FrameSnapshot;
  connection: ConnectionStatus;
  link: ShowLink;
  reload: () => void;
}

function Show({ snapshot, connection, link, reload }: ShowProps) {
  const { gallery, display, status } = snapshot;
  const look = lookOf(display);
  const screen = useScreenSize();
  const { fit } = display;
  const book = useRef(new PairBook());
  const pairs = look.pairPortraits ? book.current : null;
  const slides = useMemo(() => toSlides(gallery.items, { fit, screen, urlOf: link.mediaUrl, pairs }), [gallery.items, fit, screen, link.mediaUrl, pairs]);
  const paused = status.paused === true;
  const still = status.screen === 'off' || paused;
  const { view, next, previous, revealed, ended, failed } = useShow(slides, { slideMs: display.slideSeconds * 1000, paused: still, order: display.order }, reload);

  // Next and previous come back from the core, whoever asked (this screen, another one, Home Assistant).
  useEffect(() => link.onShowCommand?.((command) => (command === 'next' ? next() : command === 'previous' ? previous() : undefined)), [link, next, previous]);
  const send = useCallback((command: ShowCommand) => void link.control?.(command), [link]);
  const controls = useShowControls(send, paused);

  const byId = useMemo(() => new Map(gallery.items.map((item) => [item.id, item])), [gallery.items]);
  const captionMode = controls.revealed && display.captions === 'none' ? 'title-description' : display.captions;
  const captionOf = useCallback((slide: Slide): Caption | null => joinCaptions(itemsOf(slide).map((id) => captionFor(byId.get(id), captionMode))), [byId, captionMode]);
  const altOf = useCallback((itemId: string) => byId.get(itemId)?.title.trim() ?? '', [byId]);

  // Tell the core what is on screen (for Home Assistant and the API), once per slide.
  const current = view.current;
  useEffect(() => {
    if (!current) return;
    const titles = itemsOf(current).map((id) => byId.get(id)?.title.trim() ?? '').filter(Boolean);
    void link.reportShowing?.({ itemIds: itemsOf(current), title: titles.length ? titles.join(' · ') : null, at: new Date().toISOString() });
    // Once per slide shown (its key), not on every gallery change.
  }, [current?.key, link]);

  const nudge = useNudge();
  const driftMs = look.kenBurns ? display.slideSeconds * 1000 + DRIFT_EXTRA_MS : null;
  const layer = { transition: look.transition, paused: still, driftMs, altOf, onRevealed: revealed, onEnded: ended, onFailed: failed };
  const style = { '--nudge-x': `${nudge.x}px`, '--nudge-y': `${nudge.y}px` } as CSSProperties;

  return (
    <div className="slideshow" data-testid="show" data-paused={paused ? 'true' : 'false'} style={style} {...controls.pointer}>
      {view.notice === 'empty' && <EmptyState setupNeeded={status.setupNeeded} />}
      {view.notice === 'unavailable' && <UnavailableState />}
      {view.previous && <SlideLayer key={view.previous.key} slide={view.previous} current={false} caption={captionOf(view.previous)} {...layer} />}
      {view.current && <SlideLayer key={view.current.key} slide={view.current} current onBlack={!view.previous} caption={captionOf(view.current)} {...layer} />}
      {look.clock !== 'off' && <Clock mode={look.clock} />}
      <StatusNote status={status} connection={connection} />
      {paused && <PauseMark />}
      {controls.revealed && <ControlStrip paused={paused} send={send} touched={controls.keepRevealed} />}
      {status.screen === 'off' && <div className="screen-off" data-testid="screen-off" />}
    </div>
  );
}

/** One caption for what is on screen: a pair's titles side by side. */
export function joinCaptions(captions: (Caption | null)[]): Caption | null {
  const present = captions.filter((c): c is Caption => c !== null);
  if (present.length <= 1) return present[0] ?? null;
  const description = present.map((c) => c.description).filter(Boolean).join(' · ');
  return { title: present.map((c) => c.title).join(' · '), ...(description ? { description } : {}) };
}
