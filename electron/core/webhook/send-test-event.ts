// `npm run webhook:test`: signs a Wix item event with the local test key,
// posts it to a running frame, and tells what the frame did with it. By
// default it updates an item the frame shows (a visible test title), so the
// change can be seen on screen; the confirming sync then restores Wix's
// version, and the command says so (and waits to see it).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GalleryItem } from '../../../shared/gallery';
import type { FrameSnapshot } from '../../../shared/display';
import { WebPaths } from '../../../shared/web-api';
import { DEMO_PROJECT_ID } from '../demo/sample-project';
import { CONFIRM_SYNC_MS } from '../source/project-events';
import { signWixEvent } from './sign-event';
import { ensureTestKeys } from './test-keys';

export interface SendTestEventOptions {
  dataDir: string;
  /** The receiver: http://127.0.0.1:$FRAME_WEBHOOK_PORT/webhooks/wix. */
  url: string;
  /** The frame's web shell, to find an item and watch what happens: http://127.0.0.1:$FRAME_HTTP_PORT. */
  frameUrl: string;
  projectId: string | undefined;
  kind: 'created' | 'updated' | 'deleted';
  itemId: string | undefined;
  mediaFileId: string | undefined;
  /** The frame's Wix instance (FRAME_WIX_INSTANCE_ID or WIX_INSTANCE_ID), which it insists on when it knows it. */
  instanceId?: string | undefined;
  print(line: string): void;
  /** How long to watch for the change and for Wix's version coming back. */
  watchMs?: { applied: number; restored: number };
}

export async function sendTestEvent(options: SendTestEventOptions): Promise<boolean> {
  const { print } = options;
  const watch = options.watchMs ?? { applied: 3_000, restored: CONFIRM_SYNC_MS + 12_000 };
  const keys = await ensureTestKeys(options.dataDir);
  if (keys.created) {
    print(`Created a test key pair: ${keys.paths.privateKey} (private) and ${keys.paths.publicKey} (public).`);
    print(`A frame started with --demo trusts it already; otherwise start the frame with WIX_WEBHOOK_PUBLIC_KEY=${keys.paths.publicKey}.`);
  }
  const before = await snapshotOf(options.frameUrl);
  const projectId = options.projectId ?? before?.gallery.projectId ?? DEMO_PROJECT_ID;
  const plan = planEvent(options, before, projectId);
  if ('problem' in plan) {
    print(plan.problem);
    return false;
  }

  const token = await signWixEvent(keys.privateKey, { kind: options.kind, itemId: plan.itemId, ...(plan.entity ? { entity: plan.entity } : {}), ...(options.instanceId ? { instanceId: options.instanceId } : {}) });
  let response: Response;
  try {
    response = await fetch(options.url, { method: 'POST', body: token, headers: { 'content-type': 'text/plain' } });
  } catch (error) {
    print(`Could not reach the frame's webhook receiver at ${options.url} (${(error as Error).message}). Is the frame running, with FRAME_WEBHOOK_PORT as here?`);
    return false;
  }
  const body = await response.text();
  if (response.status === 401) {
    print(`Refused (401): the frame does not trust this key. Start it with WIX_WEBHOOK_PUBLIC_KEY=${keys.paths.publicKey} or --demo.`);
    return false;
  }
  if (response.status === 403) {
    print('Refused (403): the frame belongs to another Wix instance; send with the same FRAME_WIX_INSTANCE_ID or WIX_INSTANCE_ID the frame has.');
    return false;
  }
  if (response.status !== 200) {
    print(`Refused (${response.status}): ${body.trim()}`);
    return false;
  }
  print(`Accepted: a signed "${options.kind}" event for item ${plan.itemId} in project ${projectId}.`);
  if (!before) {
    print(`Could not read ${options.frameUrl}${WebPaths.snapshot} to see what the frame did; its log and /healthz count the event.`);
    return true;
  }
  await reportOutcome(options, plan, before, watch);
  return true;
}

type Plan = { itemId: string; entity?: Record<string, unknown>; original?: GalleryItem; testTitle?: string } | { problem: string };

function planEvent(options: SendTestEventOptions, snapshot: FrameSnapshot | null, projectId: string): Plan {
  const items = snapshot?.gallery.items ?? [];
  if (options.kind === 'created') {
    const itemId = options.itemId ?? randomUUID();
    const fileId = options.mediaFileId ?? `webhook-test-${itemId.slice(0, 8)}~mv2.jpg`;
    return { itemId, entity: { id: itemId, projectId, sortOrder: 0, title: testTitle(), type: 'IMAGE', image: { imageInfo: { id: fileId, width: 6000, height: 4000 } }, updatedDate: new Date().toISOString() } };
  }
  if (!snapshot) {
    return { problem: `Could not reach the frame at ${options.frameUrl} to find an item to ${options.kind === 'deleted' ? 'delete' : 'update'}. Is it running (npm run serve, or npm start)? If its web shell listens elsewhere, pass --frame http://127.0.0.1:PORT.` };
  }
  const original = options.itemId ? items.find((i) => i.id === options.itemId) : items[0];
  if (!original) {
    return { problem: options.itemId ? `The frame shows no item ${options.itemId}: leave out --item to use the first one it shows.` : 'The frame shows no items yet: connect it to a project with photos first (or use --kind created).' };
  }
  if (options.kind === 'deleted') return { itemId: original.id, original };
  const title = testTitle();
  return { itemId: original.id, original, testTitle: title, entity: { ...wixEntityOf(original, projectId), title, updatedDate: new Date().toISOString() } };
}

/** A title no one could take for a real one, with the time so repeated runs differ. */
function testTitle(): string {
  return `Webhook test ${new Date().toLocaleTimeString('en-GB')}`;
}

async function reportOutcome(options: SendTestEventOptions, plan: Exclude<Plan, { problem: string }>, before: FrameSnapshot, watch: { applied: number; restored: number }): Promise<void> {
  const { print } = options;
  const itemOf = (s: FrameSnapshot | null) => s?.gallery.items.find((i) => i.id === plan.itemId);
  const applied = await waitFor(options.frameUrl, watch.applied, (s) => {
    const item = itemOf(s);
    if (options.kind === 'deleted') return !item;
    if (options.kind === 'created') return !!item;
    return item?.title === plan.testTitle;
  });
  if (!applied) {
    print('The frame did not change the item: it may already know a newer version of it, or the event is for another project than the one shown. /healthz counts it as ignored.');
    return;
  }
  if (options.kind === 'updated') {
    print(`The frame applied it: the item shows the title "${plan.testTitle}" at once, on its next turn in the show.`);
    if (before.display.captions === 'none') print('Captions are off, so the title is not on screen: turn them on in the settings (Show → Captions) to see it.');
  } else if (options.kind === 'deleted') {
    print('The frame applied it: the item left the show.');
  } else {
    print('The frame added the test item. Its photo does not exist on Wix, so the show skips it when its turn comes.');
  }

  const original = plan.original;
  const restoredWord =
    options.kind === 'created'
      ? 'removes the test item, which Wix does not have'
      : options.kind === 'deleted'
        ? 'brings the item back, as Wix still has it'
        : `restores Wix's version (title "${original?.title || 'untitled'}")`;
  print(`Wix stays the source of truth: the confirming sync about ${Math.round(CONFIRM_SYNC_MS / 1000)} seconds after the event ${restoredWord}. Waiting for it…`);
  const started = Date.now();
  const restored = await waitFor(options.frameUrl, watch.restored, (s) => {
    const item = itemOf(s);
    if (options.kind === 'created') return !item;
    if (options.kind === 'deleted') return !!item;
    return !!item && item.title === original?.title;
  });
  if (restored) print(`Restored after ${Math.max(1, Math.round((Date.now() - started) / 1000))} s: the frame shows what Wix has again.`);
  else print("Not restored yet: Wix's version comes back with the next sync (the frame retries by itself; /healthz shows the last one).");
}

async function snapshotOf(frameUrl: string): Promise<FrameSnapshot | null> {
  try {
    const response = await fetch(`${frameUrl}${WebPaths.snapshot}`, { signal: AbortSignal.timeout(3_000) });
    return response.ok ? ((await response.json()) as FrameSnapshot) : null;
  } catch {
    return null;
  }
}

async function waitFor(frameUrl: string, ms: number, done: (snapshot: FrameSnapshot | null) => boolean): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (done(await snapshotOf(frameUrl))) return true;
    if (Date.now() >= until) return false;
    await sleep(250); // a kept timer: the command waits while it watches
  }
}

/** The Wix item (as webhooks carry it) for an item the frame shows: the official shape, media included. */
export function wixEntityOf(item: GalleryItem, projectId: string): Record<string, unknown> {
  const entity: Record<string, unknown> = { id: item.id, projectId, sortOrder: item.sortOrder, title: item.title, description: item.description, type: item.type };
  if (item.createdDate) entity.createdDate = item.createdDate;
  if (item.image) {
    const { id, url, width, height, focalPoint } = item.image;
    entity.image = { imageInfo: { id, url, width, height }, ...(focalPoint ? { focalPoint } : {}) };
  }
  if (item.video) {
    const { id, url, width, height, resolutions, posterId } = item.video;
    entity.video = { videoInfo: { id, url, width, height, resolutions, ...(posterId ? { posters: [{ id: posterId }] } : {}) } };
  }
  return entity;
}
