// Draws the tiny copy of a picture that, blurred and dimmed, fills the screen
// behind a 'fit' photo. Taken from the picture already decoded: no second
// download, a few hundred pixels of canvas. Blurred and dimmed here, once, at
// that size: a CSS filter on the full-screen canvas would be redrawn on every
// frame of a transition (in software, hundreds of milliseconds a frame). A
// pair draws both photos, each on its side.
import { BACKDROP_WIDTH, backdropSize } from './framing';

type Source = HTMLImageElement | HTMLVideoElement;

/** A few backdrop pixels of blur: scaled up to the screen, that is a soft wash of the photo's colours. */
const FILTER = 'blur(1.2px) brightness(0.5) saturate(1.15)';
/** Drawn a little beyond the canvas, so the blur has colour to take in at the edges instead of black. */
const OVERSCAN = 3;

function naturalSize(source: Source): { width: number; height: number } {
  return source instanceof HTMLVideoElement ? { width: source.videoWidth, height: source.videoHeight } : { width: source.naturalWidth, height: source.naturalHeight };
}

/** One scratch canvas for every backdrop: only its picture (a data URL) stays with a layer. */
let scratch: HTMLCanvasElement | null = null;

/**
 * Paints the pictures, small, as the background of `target`: one filling it,
 * or a pair side by side (stacked for 'column') at the screen's shape. Hides
 * the target when a single picture covers the screen anyway. A background is
 * rasterized once with the layer; a canvas would be a layer of its own that
 * the compositor scales up to the whole screen on every frame of a transition
 * (in software: a frame every 50 ms instead of every 17 ms at 1080p).
 */
export function paintBackdrop(target: HTMLElement, sources: readonly Source[], screen: { width: number; height: number }, layout: 'row' | 'column' | null = null): void {
  const [first] = sources;
  const size = layout
    ? screen.width > 0 && screen.height > 0 && { width: BACKDROP_WIDTH, height: Math.max(1, Math.round((BACKDROP_WIDTH * screen.height) / screen.width)) }
    : first && backdropSize(naturalSize(first), screen);
  scratch ??= document.createElement('canvas');
  const context = size && scratch.getContext('2d', { alpha: false });
  target.hidden = !context;
  if (!size || !context) return;
  scratch.width = size.width;
  scratch.height = size.height;
  context.imageSmoothingQuality = 'high';
  context.filter = FILTER;
  const w = layout === 'row' ? size.width / 2 : size.width;
  const h = layout === 'column' ? size.height / 2 : size.height;
  try {
    sources.forEach((source, i) => {
      context.drawImage(source, (layout === 'row' ? i * w : 0) - OVERSCAN, (layout === 'column' ? i * h : 0) - OVERSCAN, w + 2 * OVERSCAN, h + 2 * OVERSCAN);
    });
    target.style.backgroundImage = `url("${scratch.toDataURL('image/png')}")`;
  } catch {
    // A picture the canvas may not read (tainted): no backdrop rather than none of the show.
    target.hidden = true;
  }
}
