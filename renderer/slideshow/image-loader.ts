// Downloads and decodes an image off screen, so the swap never shows a
// half-drawn photo. The <img> that shows it afterwards hits the memory cache.
export const LOAD_TIMEOUT_MS = 30_000;

export function decodeImage(url: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    // A stalled download (flaky Wi-Fi) counts as a failure: the show moves on.
    const timer = setTimeout(() => stop(new Error(`timed out loading ${url}`)), LOAD_TIMEOUT_MS);
    const stop = (error: Error) => {
      clearTimeout(timer);
      img.removeAttribute('src');
      reject(error);
    };
    signal.addEventListener('abort', () => stop(new Error('aborted')), { once: true });
    img.decoding = 'async';
    img.src = url;
    img.decode().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => stop(error instanceof Error ? error : new Error(String(error))),
    );
  });
}
