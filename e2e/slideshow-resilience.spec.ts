// The slideshow keeps going when things go wrong: Wix and its media gone,
// a restart while offline, a broken photo, and videos that play (or cannot).
//
// e2e/fixtures/tiny.webm is a 1.5 s, 320×180, VP8 clip (about 9 KB) made once
// in Chromium itself: a <canvas> with a moving dot, canvas.captureStream(15)
// recorded by MediaRecorder('video/webm;codecs=vp8', 150 kbit/s), the Blob
// written to disk through Playwright's page.evaluate (base64). Any short VP8
// or VP9 WebM would do; Chromium plays it without proprietary codecs.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { RawWixItem } from '../electron/core/demo/sample-project';
import { PROJECT_A, currentItem, expect, test } from './support/fixtures';

const TINY_WEBM = readFileSync(new URL('./fixtures/tiny.webm', import.meta.url));

/** Records every item that becomes current, in order, from the first paint of each page. */
async function recordShown(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shownItems: string[] }).shownItems = shown;
    new MutationObserver(() => {
      const id = document.querySelector('[data-current="true"]')?.getAttribute('data-item-id');
      if (id && shown.at(-1) !== id) shown.push(id);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-current', 'data-item-id'] });
  });
}

const shownItems = (page: Page) => page.evaluate(() => (window as unknown as { shownItems: string[] }).shownItems);

/** The current layer's picture is really painted (decoded, not a broken image). */
const currentPictureWidth = (page: Page) => currentItem(page).locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);

type VideoItem = Omit<RawWixItem, 'type' | 'image'> & {
  type: 'VIDEO';
  video: { videoInfo: { id: string; width: number; height: number; resolutions: { url: string; width: number; height: number }[]; posters: { id: string; url: string; width: number; height: number }[] } };
};

function clipItem(wixUrl: string, index: number, file: string, sortOrder: number): VideoItem {
  const date = new Date(Date.UTC(2026, 0, 2, 12, index)).toISOString();
  const poster = `clip${index}-poster~mv2.jpg`;
  return {
    id: `${PROJECT_A.slice(0, 24)}${(0x300000000000 + index).toString(16)}`,
    projectId: PROJECT_A,
    sortOrder,
    title: `Clip ${index}`,
    description: '',
    type: 'VIDEO',
    video: {
      videoInfo: {
        id: `clip${index}-file`,
        width: 320,
        height: 180,
        resolutions: [{ url: `${wixUrl}/video-files/${file}`, width: 320, height: 180 }],
        posters: [{ id: poster, url: `${wixUrl}/media/${poster}`, width: 320, height: 180 }],
      },
    },
    createdDate: date,
    updatedDate: date,
  };
}

test('offline after the first sync the show goes on, and a restart shows photos from the cache', async ({ page, wix, launchFrame }) => {
  test.setTimeout(90_000);
  const ids = wix.items(PROJECT_A).map((item) => item.id);
  const frame = await launchFrame({ FRAME_SLIDE_SECONDS: '2' });
  await recordShown(page);
  await page.goto(frame.url);
  // One full round: every photo was asked for once, so the frame's media cache holds it.
  await expect.poll(async () => new Set(await shownItems(page)).size, { timeout: 30_000 }).toBe(ids.length);

  // Wix goes away altogether: API and media (the fake serves both).
  wix.down = { kind: 'reset' };
  await wix.stop();
  const before = (await shownItems(page)).length;
  await expect.poll(async () => (await shownItems(page)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 3);
  await expect(page.getByTestId('unavailable')).toBeHidden();
  expect(await currentPictureWidth(page)).toBeGreaterThan(0);

  // A restart while still offline (a new port: nothing from the browser's cache).
  await frame.stop();
  const again = await launchFrame({ FRAME_SLIDE_SECONDS: '2' }, frame.dataDir);
  await page.goto(again.url);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', ids[0]!);
  expect(await currentPictureWidth(page)).toBeGreaterThan(0);
  await expect.poll(async () => new Set(await shownItems(page)).size, { timeout: 30_000 }).toBe(ids.length);
  await expect(page.getByTestId('unavailable')).toBeHidden();
});

test('a broken photo is skipped, and tried again later', async ({ page, wix, launchFrame }) => {
  test.setTimeout(90_000);
  const items = wix.items(PROJECT_A);
  const broken = items[1]!;
  wix.brokenMedia.add(broken.image!.imageInfo.id);
  const frame = await launchFrame({ FRAME_SLIDE_SECONDS: '2' });
  await recordShown(page);
  await page.goto(frame.url);
  await expect.poll(async () => (await shownItems(page)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(7);
  const shown = await shownItems(page);
  expect(shown.slice(0, 3)).toEqual([items[0]!.id, items[2]!.id, items[3]!.id]);
  expect(shown).not.toContain(broken.id);
  await expect(page.getByTestId('unavailable')).toBeHidden();

  // Fixed on Wix: it is not left out for good.
  wix.brokenMedia.delete(broken.image!.imageInfo.id);
  await expect.poll(async () => shownItems(page), { timeout: 45_000 }).toContain(broken.id);
});

test('a video plays muted from the frame, over its poster, and the show moves on at its end', async ({ page, wix, launchFrame }) => {
  wix.videoFiles.set('tiny.webm', { body: TINY_WEBM, contentType: 'video/webm' });
  const clip = clipItem(wix.url, 1, 'tiny.webm', 0.5);
  wix.items(PROJECT_A).unshift(clip as unknown as RawWixItem);
  const first = wix.items(PROJECT_A)[1]!;
  // 30 s per photo: moving on within seconds can only be the video's end.
  const frame = await launchFrame({ FRAME_SLIDE_SECONDS: '30' });
  await recordShown(page);
  // The clip is half a second long: note how it played as it happens, not by looking afterwards.
  await page.addInitScript(() => {
    const played: { muted: boolean; inline: boolean }[] = [];
    (window as unknown as { __played: typeof played }).__played = played;
    document.addEventListener('playing', (event) => {
      const v = event.target as HTMLVideoElement;
      played.push({ muted: v.muted, inline: v.playsInline });
    }, true);
  });
  await page.goto(frame.url);

  await expect(currentItem(page)).toHaveAttribute('data-item-id', clip.id);
  const video = currentItem(page).locator('video');
  await expect(video).toHaveAttribute('src', new RegExp(`/video/${clip.id}\\?h=720$`));
  await expect(currentItem(page).locator('img')).toHaveAttribute('src', /clip1-poster~mv2\.jpg\?w=1280&h=720&fit=fit/);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __played: unknown[] }).__played[0]), { timeout: 10_000 }).toEqual({ muted: true, inline: true });

  await expect(currentItem(page)).toHaveAttribute('data-item-id', first.id, { timeout: 10_000 });
  expect(await shownItems(page)).toEqual([clip.id, first.id]);
  expect(wix.mediaRequests).toContain('/video-files/tiny.webm');
  // Only the current layer holds a video: the clip's player is gone once its layer is.
  await expect(page.locator('video')).toHaveCount(0);
});

test('a video that cannot be played is skipped', async ({ page, wix, launchFrame }) => {
  const clip = clipItem(wix.url, 2, 'missing.webm', 0.5); // the fake has no such file: 404
  wix.items(PROJECT_A).unshift(clip as unknown as RawWixItem);
  const first = wix.items(PROJECT_A)[1]!;
  const frame = await launchFrame({ FRAME_SLIDE_SECONDS: '30' });
  await recordShown(page);
  await page.goto(frame.url);
  await expect(currentItem(page)).toHaveAttribute('data-item-id', first.id, { timeout: 15_000 });
  expect(await shownItems(page)).toEqual([clip.id, first.id]); // its poster showed meanwhile
  await expect(page.locator('[data-current="true"]')).toHaveCount(1);
});
