// Draws a landscape "photo" as a PNG from a seed, so the demo and the tests
// have real, distinct raster images without bundling or fetching any (the
// frame serves raster images only: an SVG can carry script).
import { encodeRgbPng } from './png';

type Rgb = [number, number, number];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function rng(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function hsl(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** The ridge's height at every column: a line through 13 random points. */
function ridge(width: number, baseY: number, roughness: number, random: () => number): Float64Array {
  const steps = 12;
  const points = Array.from({ length: steps + 1 }, () => baseY - random() * roughness);
  const ys = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const at = (x / Math.max(1, width - 1)) * steps;
    const i = Math.min(steps - 1, Math.floor(at));
    ys[x] = points[i]! + (points[i + 1]! - points[i]!) * (at - i);
  }
  return ys;
}

/** Where the scene of `seed` has its sun, as fractions of width and height: the demo's focal point. */
export function sceneSun(seed: string): { x: number; y: number } {
  const random = rng(hash(seed));
  random(); // hue
  random(); // sky
  random(); // horizon
  return { x: 0.2 + random() * 0.6, y: 0.2 + random() * 0.25 };
}

/** A PNG scene of the given pixel size, the same for the same seed. */
export function scenePng(seed: string, width: number, height: number): Buffer {
  const random = rng(hash(seed));
  const hue = Math.floor(random() * 360);
  const sky = hsl(hue, 0.7, (55 + random() * 20) / 100);
  const horizon = hsl((hue + 40) % 360, 0.8, (70 + random() * 15) / 100);
  const sunX = width * (0.2 + random() * 0.6);
  const sunY = height * (0.2 + random() * 0.25);
  const sunR = Math.min(width, height) * (0.06 + random() * 0.06);
  const sun = hsl((hue + 60) % 360, 0.95, 0.88);
  const far = ridge(width, height * 0.62, height * 0.2, random);
  const near = ridge(width, height * 0.8, height * 0.18, random);
  const farColor = hsl((hue + 200) % 360, 0.25, 0.38);
  const nearColor = hsl((hue + 180) % 360, 0.3, 0.2);

  const stride = 1 + width * 3;
  const rows = new Uint8Array(stride * height); // filter byte 0 (none) starts each row
  const put = (i: number, r: number, g: number, b: number) => {
    rows[i] = r;
    rows[i + 1] = g;
    rows[i + 2] = b;
  };
  for (let y = 0; y < height; y++) {
    const t = y / Math.max(1, height - 1);
    const r = sky[0] + (horizon[0] - sky[0]) * t;
    const g = sky[1] + (horizon[1] - sky[1]) * t;
    const b = sky[2] + (horizon[2] - sky[2]) * t;
    const sunHalf = sunR * sunR - (y - sunY) ** 2;
    const sunFrom = sunHalf > 0 ? sunX - Math.sqrt(sunHalf) : Infinity;
    const sunTo = sunHalf > 0 ? sunX + Math.sqrt(sunHalf) : -Infinity;
    for (let x = 0, i = y * stride + 1; x < width; x++, i += 3) {
      if (y >= near[x]!) put(i, nearColor[0], nearColor[1], nearColor[2]);
      else if (y >= far[x]!) put(i, farColor[0], farColor[1], farColor[2]);
      else if (x >= sunFrom && x <= sunTo) put(i, r * 0.1 + sun[0] * 0.9, g * 0.1 + sun[1] * 0.9, b * 0.1 + sun[2] * 0.9);
      else put(i, r, g, b);
    }
  }
  return encodeRgbPng(width, height, rows);
}
