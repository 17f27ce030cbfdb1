// Draws the tiny copy of a picture that, blurred and dimmed by CSS, fills the
// screen behind a 'fit' photo. Taken from the picture already decoded: no
// second download, a few hundred pixels of canvas.
import { backdropSize } from './framing';

type Source = HTMLImageElement | HTMLVideoElement;

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
  try {
    context.drawImage(source, 0, 0, size.width, size.height);
  } catch {
    canvas.hidden = true;
  }
}
