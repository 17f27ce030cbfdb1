// Makes the demo gallery's short video (electron/core/demo/demo-clip.webm) once:
// the poster's scene drawn on a canvas with drifting clouds, recorded by
// Chromium's MediaRecorder. Run: npx tsx bench/make-demo-clip.ts
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../e2e/support/chromium';
import { DEMO_CLIP_POSTER_ID } from '../electron/core/demo/sample-project';
import { scenePng } from '../electron/core/demo/scene-png';

const WIDTH = 960;
const HEIGHT = 540;
const SECONDS = 6;

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const png = scenePng(DEMO_CLIP_POSTER_ID, WIDTH, HEIGHT).toString('base64');
const base64 = await page.evaluate(
  `(async () => {
    const W = ${WIDTH}, H = ${HEIGHT}, SECONDS = ${SECONDS};
    const scene = new Image();
    scene.src = 'data:image/png;base64,${png}';
    await scene.decode();
    const canvas = document.createElement('canvas');
    canvas.width = W; canvas.height = H;
    const ctx = canvas.getContext('2d');
    const clouds = Array.from({ length: 6 }, (_, i) => ({ x: (i * 0.19) % 1, y: 0.08 + (i % 3) * 0.09, r: 0.05 + (i % 2) * 0.03, v: 0.012 + (i % 3) * 0.006 }));
    const draw = (t) => {
      ctx.drawImage(scene, 0, 0, W, H);
      ctx.filter = 'blur(14px)';
      ctx.fillStyle = 'rgba(255,255,255,0.55)';
      for (const c of clouds) {
        const x = ((c.x + c.v * t) % 1.2 - 0.1) * W;
        ctx.beginPath();
        ctx.ellipse(x, c.y * H, c.r * W * 1.8, c.r * H, 0, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.filter = 'none';
    };
    draw(0);
    const stream = canvas.captureStream(25);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 600000 });
    const chunks = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const done = new Promise((r) => (recorder.onstop = r));
    recorder.start();
    const start = performance.now();
    await new Promise((resolve) => {
      const tick = () => {
        const t = (performance.now() - start) / 1000;
        draw(t);
        if (t < SECONDS) requestAnimationFrame(tick); else resolve();
      };
      requestAnimationFrame(tick);
    });
    recorder.stop();
    await done;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  })()`,
);
await browser.close();
const out = new URL('../electron/core/demo/demo-clip.webm', import.meta.url);
writeFileSync(out, Buffer.from(base64 as string, 'base64'));
console.log(`wrote ${out.pathname} (${Buffer.from(base64 as string, 'base64').length} bytes)`);
