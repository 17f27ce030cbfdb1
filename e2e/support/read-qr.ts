// Reads a QR code off the screen as a phone's camera would: from the pixels
// Chromium drew (an element screenshot), decoded with jsQR.
import type { Locator } from '@playwright/test';
import jsQR from 'jsqr';

export async function readQr(code: Locator): Promise<string | null> {
  const png = (await code.screenshot()).toString('base64');
  const image = await code.page().evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const { data: pixels, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    return { pixels: Array.from(pixels), width, height };
  }, png);
  return jsQR(Uint8ClampedArray.from(image.pixels), image.width, image.height)?.data ?? null;
}
