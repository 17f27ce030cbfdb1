// Benchmark "photos": smooth gradients with grain, so
// the compressed size grows with the pixel count as a real photo's does.
import { encodeRgbPng } from '../../electron/core/demo/png';

export function photoPng(seed: string, width: number, height: number): Buffer {
  let state = [...seed].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619), 2166136261) >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) & 0xff;
  };
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0;
    for (let x = 0; x < width; x++) {
      const i = y * row + 1 + x * 3;
      const grain = random() & 0x0f;
      raw[i] = ((x * 255) / width + grain) & 0xff;
      raw[i + 1] = ((y * 255) / height + grain) & 0xff;
      raw[i + 2] = (128 + grain) & 0xff;
    }
  }
  return encodeRgbPng(width, height, raw, 6);
}
