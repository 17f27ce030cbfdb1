// Helpers for the show's end-to-end tests: a gallery of chosen shapes, the
// settings changed over the web shell's API, what is on screen, screenshots.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { FakeWix } from '../../electron/core/demo/fake-wix';
import { sampleItem, type RawWixItem } from '../../electron/core/demo/sample-project';
import type { Settings } from '../../shared/settings';
import { PROJECT_A } from './fixtures';

/** Replaces the test project's items: 'L' a landscape, 'P' a portrait, in gallery order. */
export function useGallery(wix: FakeWix, shapes: string): RawWixItem[] {
  const items = [...shapes].map((shape, i) => sampleItem(PROJECT_A, i, wix.url, `${shape === 'P' ? 'Portrait' : 'Landscape'} ${i + 1}`, shape === 'P'));
  wix.items(PROJECT_A).splice(0, Infinity, ...items);
  return items;
}

/** Saves settings over the API, as the settings screen does. */
export async function saveSettings(url: string, patch: Partial<Settings>): Promise<void> {
  const response = await fetch(`${url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify(patch) });
  if (!response.ok) throw new Error(`saving ${JSON.stringify(patch)} failed: ${response.status} ${await response.text()}`);
}

/** The item ids on screen now (two for a pair), sorted. */
export async function shownIds(page: Page): Promise<string[]> {
  const ids = await page.locator('[data-current="true"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id') ?? ''));
  return ids.sort();
}

/** Waits until what is on screen differs from `before` and is fully in. */
export async function nextShown(page: Page, before: string[]): Promise<string[]> {
  await page.waitForFunction((prev) => {
    const ids = [...document.querySelectorAll('[data-current="true"]')].map((el) => el.getAttribute('data-item-id') ?? '').sort();
    return ids.length > 0 && ids.join() !== prev;
    // Polled on a timer, not requestAnimationFrame: tests count the page's frame callbacks.
  }, before.join(), { polling: 100 });
  return shownIds(page);
}

/** Sends one command through the web shell's API, as Home Assistant or a script would. */
export async function command(url: string, name: 'next' | 'previous' | 'pause' | 'resume'): Promise<void> {
  const response = await fetch(`${url}/api/show/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: '{}' });
  if (!response.ok) throw new Error(`${name} failed: ${response.status}`);
}

export const SCREENS = [
  { name: '800x480', width: 800, height: 480 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1080x1920', width: 1080, height: 1920 },
] as const;

/** Screenshots for people to look at go to one folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
