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

/** Draws `source` small onto `canvas`; hides the canvas when the picture covers the screen anyway. */
export function drawBackdrop(canvas: HTMLCanvasElement, source: Source, screen: { width: number; height: number }): void {
  const size = backdropSize(naturalSize(source), screen);
  const context = size && canvas.getContext('2d', { alpha: false });
  canvas.hidden = !context;
  if (!size || !context) return;
  canvas.width = size.width;
  canvas.height = size.height;
  context.imageSmoothingQuality = 'high';
  context.filter = FILTER;
  try {
    context.drawImage(source, -OVERSCAN, -OVERSCAN, size.width + 2 * OVERSCAN, size.height + 2 * OVERSCAN);
  } catch {
    canvas.hidden = true;
  }
}

/** Both photos of a pair, side by side (or stacked), at the screen's shape. */
export function drawPairBackdrop(canvas: HTMLCanvasElement, sources: readonly HTMLImageElement[], screen: { width: number; height: number }, layout: 'row' | 'column'): void {
  const context = screen.width > 0 && screen.height > 0 ? canvas.getContext('2d', { alpha: false }) : null;
  canvas.hidden = !context;
  if (!context) return;
  canvas.width = BACKDROP_WIDTH;
  canvas.height = Math.max(1, Math.round((BACKDROP_WIDTH * screen.height) / screen.width));
  context.imageSmoothingQuality = 'high';
  context.filter = FILTER;
  const half = layout === 'row' ? { width: canvas.width / 2, height: canvas.height } : { width: canvas.width, height: canvas.height / 2 };
  try {
    sources.forEach((source, i) => {
      const x = layout === 'row' ? i * half.width : 0;
      const y = layout === 'row' ? 0 : i * half.height;
      context.drawImage(source, x - OVERSCAN, y - OVERSCAN, half.width + 2 * OVERSCAN, half.height + 2 * OVERSCAN);
    });
  } catch {
    canvas.hidden = true;
  }
}
