// Composition root of a frame, for either shell: the setup (configuration and
// settings), a gallery feed filling the store (Wix itself, or the relay over
// MQTT for a frame without Wix credentials), the display side showing it, and
// on a broker the fleet link and Home Assistant. Settings apply live.
import { EMPTY_GALLERY } from '../../shared/gallery';
import type { Settings } from '../../shared/settings';
import type { FrameConfig } from './config/env-config';
import type { FakeWix } from './demo/fake-wix';
import { openFrameSetup } from './compose/frame-setup';
import { startDisplay } from './display/display';
import { joinFleet, type FrameFleet } from './fleet/frame-fleet';
import { wireFleet } from './fleet/frame-fleet-wiring';
import { storageHealthOf, type HealthReport, type RunningFrame, type StartFrameOptions } from './frame-types';
import { authFor } from './gallery/gallery-source';
import { persistGallery } from './gallery/persist-gallery';
import { GallerySnapshotFile } from './gallery/snapshot-file';
import { GalleryStore } from './gallery/store';
import type { GallerySync } from './gallery/sync';
import type { MediaCache } from './media/media-cache';
import type { SettingsService } from './settings/settings-service';
import { FeedSwitch, type FeedKind } from './source/feed-switch';
import { RelayFeed } from './source/relay-feed';
import { startWixFeed, type WixFeed } from './source/wix-source';
import { ShowControl } from './show/show-control';
import { storageProblem } from './status/problems';
import type { StorageHealth } from './storage/storage-health';
import { createScreenSwitch } from './system/screen-switch';
import { throttled } from './util/throttled';
import type { Webhooks } from './webhook/webhooks';

export { NOT_CONFIGURED } from './gallery/gallery-source';

export interface StartedFrame extends RunningFrame {
  config: FrameConfig;
  store: GalleryStore;
  /** The poller of the current project, null while not configured or fed by the relay. */
  readonly sync: GallerySync | null;
  readonly webhooks: Webhooks;
  settings: SettingsService;
  cache: MediaCache;
  storage: StorageHealth;
  demoWix: FakeWix | null;
  /** The frame's link to the MQTT broker, null without FRAME_MQTT_URL. */
  fleet: FrameFleet | null;
}

export async function startFrame(options: StartFrameOptions): Promise<StartedFrame> {
  const { config, logger, settingsStore, settings, demoWix, storage, writeFailed } = await openFrameSetup(options);
  const store = new GalleryStore(EMPTY_GALLERY);
  const snapshotFile = new GallerySnapshotFile(config.dataDir, logger, writeFailed);
  persistGallery(store, snapshotFile);
  const fleet = config.fleet ? await joinFleet(config.fleet, config.dataDir, logger) : null;
  // A frame on a broker without Wix credentials of its own takes its gallery from the relay.
  const chooseFeed = (s: Settings): FeedKind => (fleet && !config.demo && !authFor(s, config.wix.apiBaseUrl) ? 'relay' : 'wix');

  if (config.screenCommands) logger.info(`The screen is switched by FRAME_SCREEN_OFF_COMMAND and FRAME_SCREEN_ON_COMMAND (${config.screenCommands.off[0]}, run without a shell); the screen switch setting is not used.`);
  let screenOff = false;
  let feed: FeedSwitch | null = null;
  // Pause is the show's state, carried in the snapshot; next and previous go to every renderer.
  const show = new ShowControl(() => display.publish());
  const display = await startDisplay({
    config,
    store,
    logger,
    effective: () => settings.effective(),
    setupNeeded: () => {
      const effective = settings.effective();
      return !config.demo && ((chooseFeed(effective) === 'wix' && effective.authMode === 'none') || !effective.projectId);
    },
    webhookHealth: () => feed?.webhookHealth() ?? { enabled: false, accepted: 0, ignored: 0, rejected: 0 },
    switchScreen: options.switchScreen ?? createScreenSwitch({ custom: config.screenCommands }),
    paused: () => show.paused,
    ...(fleet ? { fleetStatus: () => fleet.status(chooseFeed(settings.effective())) } : {}),
    storage,
    onScreenChange(state) {
      screenOff = state === 'off';
      void feed?.setPaused(screenOff);
    },
  });
  settings.onProjectsListed((projects) => display.offerCovers(projects.flatMap((p) => (p.coverFileId ? [p.coverFileId] : []))));
  // The data dir's health is said on the show (and in /healthz) as it changes.
  const reportStorage = () => display.problems.report('storage', storageProblem(storage.status.problem, settingsStore.invalidFields));
  reportStorage();
  storage.onChange(() => {
    reportStorage();
    display.publish();
  });
  // A refused webhook is said on the show; a flood of them publishes at most once a few seconds.
  const publishRefusal = throttled(() => display.publish(), 3_000);
  feed = await FeedSwitch.open(settings.effective(), screenOff, chooseFeed, async (kind, effective, paused) => {
    if (kind === 'wix') return startWixFeed({ config, store, snapshotFile, logger, settings: effective, paused, onRejected: publishRefusal });
    const relay = new RelayFeed({ link: fleet!.link, trust: fleet!.trust, directory: fleet!.directory, topics: fleet!.topics, frameId: fleet!.config.frameId, store, snapshotFile, logger });
    await relay.apply(effective);
    return relay;
  });
  const gallery = feed;
  settings.projectList = (query) => gallery.projectsFromFeed(query);

  const homeAssistant = fleet ? wireFleet({ fleet, display, store, settings, feedKind: () => gallery.kind, show, paused: () => show.paused, mediaBaseUrl: config.wix.mediaBaseUrl, logger }) : null;

  settingsStore.onChange(async () => {
    const effective = settings.effective();
    reportStorage();
    display.publish();
    await display.apply(effective);
    await gallery.apply(effective);
  });

  const wixFeed = () => (gallery.feed.kind === 'wix' ? (gallery.feed as WixFeed) : null);
  const health = (): HealthReport => ({
    ok: store.state.lastError === null && storage.status.ok && !display.getSnapshot().status.problems.some((p) => p.area === 'relay'),
    projectId: store.state.projectId,
    items: store.state.items.length,
    syncedAt: store.state.syncedAt,
    lastError: store.state.lastError,
    demo: config.demo,
    webhook: gallery.webhookHealth(),
    ...display.health(),
    process: { rssBytes: process.memoryUsage().rss, heapUsedBytes: process.memoryUsage().heapUsed, uptimeSeconds: Math.round(process.uptime()) },
    ...(fleet ? { fleet: fleet.status(gallery.kind) } : {}),
    storage: storageHealthOf(storage.status),
  });

  return {
    config,
    store,
    get sync() {
      return wixFeed()?.currentSync ?? null;
    },
    get webhooks() {
      return wixFeed()?.webhooks ?? { health: () => gallery.webhookHealth(), close: async () => undefined };
    },
    settings,
    storage,
    demoWix,
    fleet,
    cache: display.cache,
    getSnapshot: display.getSnapshot,
    onSnapshot: display.onSnapshot,
    fetchMedia: display.fetchMedia,
    fetchVideo: display.fetchVideo,
    health,
    control: (command) => show.control(command),
    onShowCommand: (listener) => show.onShowCommand(listener),
    reportShowing: (now) => show.reportShowing(now),
    showing: () => show.showing(),
    onShowing: (listener) => show.onShowing(listener),
    async stop() {
      show.clear();
      publishRefusal.cancel();
      homeAssistant?.stop();
      storage.stop();
      display.stop();
      await gallery.stop();
      await fleet?.stop();
      await snapshotFile.flush();
      await demoWix?.stop();
    },
  };
}
