// Downloads and decodes an image off screen, so the swap never shows a
// half-drawn photo. The <img> that shows it afterwards hits the memory cache.
// Probe elements come from a small ring (see image-ring.ts); a probe keeps its
// picture until the ring comes round to it again, by which time the layer
// showing that picture has long been drawn (no object URLs: plain src with
// the HTTP cache).
import { ImageRing, releaseIf } from './image-ring';

export const LOAD_TIMEOUT_MS = 30_000;

// Room for a pair decoded together, and the slide before it.
const probes = new ImageRing(4);

export function decodeImage(url: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const img = probes.take();
    const settle = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const stop = (error: Error) => {
      settle();
      releaseIf(img, url);
      reject(error);
    };
    const onAbort = () => stop(new Error('aborted'));
    // A stalled download (flaky Wi-Fi) counts as a failure: the show moves on.
    const timer = setTimeout(() => stop(new Error(`timed out loading ${url}`)), LOAD_TIMEOUT_MS);
    signal.addEventListener('abort', onAbort, { once: true });
    img.decoding = 'async';
    img.src = url;
    img.decode().then(
      () => {
        settle();
        resolve();
      },
      (error: unknown) => stop(error instanceof Error ? error : new Error(String(error))),
    );
  });
}
