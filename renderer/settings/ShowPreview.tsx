// A small live preview of the show as the settings stand in the form (before
// Save): this frame's own photos, paired or not, drifting or not, with the
// chosen transition, clock and captions. It runs only while the settings are
// open; the show itself stays free of timers like this one.
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { GalleryItem } from '../../shared/gallery';
import { mediaPath } from '../../shared/media';
import { useFrame } from '../state/frame-store';
import { useSettings } from './model-context';
import './show-preview.css';

const STEP_MS = 4_000;
const WIDTH = 480;
const HEIGHT = 270;

interface Scene {
  key: string;
  photos: GalleryItem[];
}

const aspect = (item: GalleryItem) => (item.image?.width && item.image.height ? item.image.width / item.image.height : 1.5);

/** Up to three scenes from the gallery: a landscape, the portraits (a pair when pairing is on), another landscape. */
export function previewScenes(items: readonly GalleryItem[], pairs: boolean): Scene[] {
  const photos = items.filter((item) => item.type === 'IMAGE' && item.image?.id);
  const wide = photos.filter((item) => aspect(item) >= 1);
  const tall = photos.filter((item) => aspect(item) < 0.9);
  const scenes: Scene[] = [];
  if (wide[0]) scenes.push({ key: wide[0].id, photos: [wide[0]] });
  if (tall[0] && tall[1] && pairs) scenes.push({ key: `${tall[0].id}+${tall[1].id}`, photos: [tall[0], tall[1]] });
  else if (tall[0]) scenes.push({ key: tall[0].id, photos: [tall[0]] });
  if (wide[1]) scenes.push({ key: wide[1].id, photos: [wide[1]] });
  return scenes;
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const DATE = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

export function ShowPreview({ mediaUrl }: { mediaUrl: (path: string) => string }) {
  const form = useSettings((s) => s.form);
  const items = useFrame((s) => s.snapshot?.gallery.items);
  const transition = form?.transition ?? 'crossfade';
  const pairs = form?.pairPortraits ?? true;
  const kenBurns = form?.kenBurns ?? false;
  const clock = form?.clock ?? 'off';
  const captions = form?.captions ?? 'none';
  const fit = form?.fit ?? 'fit';
  const scenes = useMemo(() => previewScenes(items ?? [], pairs), [items, pairs]);
  const [step, setStep] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setStep((n) => n + 1), STEP_MS);
    return () => clearInterval(timer);
  }, []);

  const shown = scenes.length ? [step - 1, step].filter((n) => n >= 0).map((n) => ({ n, scene: scenes[n % scenes.length]! })) : [];
  const now = new Date();
  return (
    <figure className="show-preview" data-testid="show-preview" data-transition={transition} data-ken-burns={kenBurns ? 'true' : 'false'}>
      <div className="show-preview__screen" aria-hidden="true">
        {shown.length === 0 && <div className="show-preview__empty">Your photos appear here once the frame has some.</div>}
        {shown.map(({ n, scene }) => (
          <div key={n} className={`show-preview__layer show-preview__layer--${n === step ? `in-${transition}` : 'under'}`}>
            <div className={`show-preview__photos${scene.photos.length === 2 ? ' show-preview__photos--pair' : ''}${kenBurns ? ' show-preview__photos--drift' : ''}`} data-testid="preview-scene" data-photos={scene.photos.length}>
              {scene.photos.map((item) => (
                <PreviewPhoto key={item.id} item={item} fit={scene.photos.length === 2 ? 'fit' : fit} half={scene.photos.length === 2} mediaUrl={mediaUrl} />
              ))}
            </div>
            {captions !== 'none' && (
              <div className="show-preview__caption">
                <div>{scene.photos.map((p) => p.title).filter(Boolean).join(' · ') || 'Title'}</div>
                {captions === 'title-description' && <div className="show-preview__text">{scene.photos.map((p) => p.description).filter(Boolean).join(' · ')}</div>}
              </div>
            )}
          </div>
        ))}
        {clock !== 'off' && (
          <div className="show-preview__clock" data-testid="preview-clock">
            <div>{TIME.format(now)}</div>
            {clock === 'time-date' && <div className="show-preview__date">{DATE.format(now)}</div>}
          </div>
        )}
      </div>
      <figcaption className="show-preview__label">Preview, as set here{form ? '' : ' (loading)'}</figcaption>
    </figure>
  );
}

function PreviewPhoto({ item, fit, half, mediaUrl }: { item: GalleryItem; fit: 'fit' | 'fill'; half: boolean; mediaUrl: (path: string) => string }) {
  const focal = item.image?.focalPoint;
  const style: CSSProperties = { objectFit: fit === 'fill' ? 'cover' : 'contain', ...(focal ? { transformOrigin: `${focal.x * 100}% ${focal.y * 100}%` } : {}) };
  const src = mediaUrl(mediaPath({ fileId: item.image!.id, width: half ? WIDTH / 2 : WIDTH, height: HEIGHT, fit: 'fit' }));
  return <img className="show-preview__photo" src={src} alt="" style={style} draggable={false} />;
}
