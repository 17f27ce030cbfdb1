// A small live preview of the show as the settings stand in the form (before
// Save): this frame's own photos through the show's own layers, paired or
// not, drifting or not, with the chosen transition, clock and captions. Its
// timer runs only while the settings are open.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFrame } from '../state/frame-store';
import { captionFor } from '../slideshow/caption';
import { Clock } from '../slideshow/Clock';
import { PairBook } from '../slideshow/pairing';
import { itemsOf } from '../slideshow/sequence';
import { joinCaptions } from '../slideshow/Slideshow';
import { SlideLayer } from '../slideshow/SlideLayer';
import { toSlides } from '../slideshow/slide-media';
import { useSettings } from './model-context';
import './show-preview.css';

const STEP_MS = 4_000;
/** The preview's size in device pixels: what its photos are fetched at. */
const BOX = { width: 480, height: 270 };
const nothing = () => undefined;

export function ShowPreview({ mediaUrl }: { mediaUrl: (path: string) => string }) {
  const form = useSettings((s) => s.form);
  const items = useFrame((s) => s.snapshot?.gallery.items);
  const book = useRef(new PairBook());
  const fit = form?.fit ?? 'fit';
  const pairs = form?.pairPortraits ?? true;
  const slides = useMemo(() => toSlides(items ?? [], { fit, screen: BOX, urlOf: mediaUrl, pairs: pairs ? book.current : null }).filter((s) => !s.video).slice(0, 4), [items, fit, pairs, mediaUrl]);
  const [step, setStep] = useState(0);
  const [revealed, setRevealed] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setStep((n) => n + 1), STEP_MS);
    return () => clearInterval(timer);
  }, []);
  const onRevealed = useCallback((key: number) => setRevealed(key), []);

  const byId = useMemo(() => new Map((items ?? []).map((item) => [item.id, item])), [items]);
  const captions = form?.captions ?? 'none';
  const transition = form?.transition ?? 'crossfade';
  const clock = form?.clock ?? 'off';
  // The photo before stays under the new one until it is fully in, as on the show.
  const layers = slides.length ? [step - 1, step].filter((n) => n >= 0 && (n === step || revealed !== n + 1)) : [];
  return (
    <figure className="show-preview" data-testid="show-preview" data-transition={transition} data-ken-burns={form?.kenBurns ? 'true' : 'false'}>
      <div className="slideshow show-preview__screen" aria-hidden="true">
        {layers.map((n) => {
          const slide = { ...slides[n % slides.length]!, key: n + 1, back: false };
          const caption = joinCaptions(itemsOf(slide).map((id) => captionFor(byId.get(id), captions)));
          return (
            <SlideLayer
              key={slide.key}
              slide={slide}
              current={n === step}
              transition={transition}
              paused={false}
              caption={caption}
              driftMs={form?.kenBurns ? STEP_MS + 2_000 : null}
              altOf={() => ''}
              onRevealed={onRevealed}
              onEnded={nothing}
              onFailed={nothing}
            />
          );
        })}
        {slides.length === 0 && <p className="notice">Your photos appear here once the frame has some.</p>}
        {clock !== 'off' && <Clock mode={clock} />}
      </div>
      <figcaption className="show-preview__label">Preview, as set here</figcaption>
    </figure>
  );
}
