// Draws a landscape "photo" as SVG from a seed, so the demo and the tests have
// real, distinct images without bundling or fetching any.

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

function ridge(width: number, height: number, baseY: number, roughness: number, random: () => number): string {
  const points: string[] = [`0,${height}`];
  const steps = 12;
  for (let i = 0; i <= steps; i++) {
    const x = (width * i) / steps;
    const y = baseY - random() * roughness;
    points.push(`${x.toFixed(0)},${y.toFixed(0)}`);
  }
  points.push(`${width},${height}`);
  return points.join(' ');
}

/** An SVG scene of the given pixel size, the same for the same seed. */
export function sceneSvg(seed: string, width: number, height: number): string {
  const random = rng(hash(seed));
  const hue = Math.floor(random() * 360);
  const sky = `hsl(${hue},70%,${55 + random() * 20}%)`;
  const horizon = `hsl(${(hue + 40) % 360},80%,${70 + random() * 15}%)`;
  const sunX = width * (0.2 + random() * 0.6);
  const sunY = height * (0.2 + random() * 0.25);
  const sunR = Math.min(width, height) * (0.06 + random() * 0.06);
  const far = ridge(width, height, height * 0.62, height * 0.2, random);
  const near = ridge(width, height, height * 0.8, height * 0.18, random);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${horizon}"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#s)"/>`,
    `<circle cx="${sunX.toFixed(0)}" cy="${sunY.toFixed(0)}" r="${sunR.toFixed(0)}" fill="hsl(${(hue + 60) % 360},95%,88%)" opacity="0.9"/>`,
    `<polygon points="${far}" fill="hsl(${(hue + 200) % 360},25%,38%)"/>`,
    `<polygon points="${near}" fill="hsl(${(hue + 180) % 360},30%,20%)"/>`,
    '</svg>',
  ].join('');
}
