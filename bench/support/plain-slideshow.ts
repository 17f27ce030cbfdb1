// The soak's comparison point for the page: the same photos, from the same
// frame, at the same pace, in a page with none of our code (two <img> and a
// CSS fade), in a Chromium of its own with the same flags and environment.
// What this page grows over an hour is Chromium's (and glibc's), not ours.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FrameSnapshot } from '../../shared/display';
import { MEDIA_PATH_PREFIX, mediaPath } from '../../shared/media';
import { WebPaths } from '../../shared/web-api';

const PAGE = (slideMs: number) => `<!doctype html>
<meta charset="utf-8">
<style>
  html, body { margin: 0; height: 100%; background: #000; overflow: hidden; }
  img { position: fixed; inset: 0; width: 100%; height: 100%; object-fit: contain; opacity: 0; transition: opacity 0.8s; }
  img.on { opacity: 1; }
</style>
<img id="a" alt=""><img id="b" alt="">
<script>
  window.__transitions = 0;
  const layers = [document.getElementById('a'), document.getElementById('b')];
  let shown = 0;
  let next = 0;
  fetch('/photos').then((r) => r.json()).then((photos) => {
    const advance = () => {
      const back = layers[1 - shown];
      back.src = photos[next++ % photos.length];
      back.decode().catch(() => undefined).then(() => {
        back.classList.add('on');
        layers[shown].classList.remove('on');
        shown = 1 - shown;
        window.__transitions++;
      });
    };
    advance();
    setInterval(advance, ${slideMs});
  });
</script>`;

export interface PlainSlideshow {
  url: string;
  stop(): Promise<void>;
}

/** Serves the plain page; its photos are the frame's gallery at screen size, fetched through the frame. */
export async function startPlainSlideshow(frameUrl: string, slideMs: number, screen = { width: 1920, height: 1080 }): Promise<PlainSlideshow> {
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const answer = async () => {
      if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(PAGE(slideMs));
      }
      if (path === '/photos') {
        const snapshot = (await (await fetch(`${frameUrl}${WebPaths.snapshot}`)).json()) as FrameSnapshot;
        const photos = snapshot.gallery.items.flatMap((item) => (item.image?.id ? [mediaPath({ fileId: item.image.id, ...screen, fit: 'fit' })] : []));
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(photos));
      }
      // Only photos are passed on: "/media/../api/…" resolves elsewhere, so the resolved path is checked.
      const upstreamUrl = new URL(path, frameUrl);
      if (upstreamUrl.pathname.startsWith(MEDIA_PATH_PREFIX)) {
        const upstream = await fetch(upstreamUrl);
        res.writeHead(upstream.status, Object.fromEntries(['content-type', 'cache-control'].flatMap((name) => (upstream.headers.get(name) ? [[name, upstream.headers.get(name)!]] : []))));
        return void res.end(Buffer.from(await upstream.arrayBuffer()));
      }
      res.writeHead(404).end();
    };
    answer().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
