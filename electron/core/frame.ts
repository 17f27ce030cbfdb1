// Composition root of a frame, for either shell: the setup (configuration and
// settings), a gallery feed (Wix itself) filling the store, and the display
// side showing it. Settings apply live.
import { EMPTY_GALLERY } from '../../shared/gallery';
import type { FrameConfig } from './config/env-config';
import type { FakeWix } from './demo/fake-wix';
import { openFrameSetup } from './compose/frame-setup';
import { startDisplay } from './display/display';
import type { HealthReport, RunningFrame, StartFrameOptions } from './frame-types';
import { persistGallery } from './gallery/persist-gallery';
import { GallerySnapshotFile } from './gallery/snapshot-file';
import { GalleryStore } from './gallery/store';
import type { GallerySync } from './gallery/sync';
import type { MediaCache } from './media/media-cache';
import type { SettingsService } from './settings/settings-service';
import { startWixFeed, type WixFeed } from './source/wix-source';
import { ShowControl } from './show/show-control';
import { createScreenSwitch } from './system/screen-switch';
import { throttled } from './util/throttled';
import type { Webhooks } from './webhook/webhooks';

export { NOT_CONFIGURED } from './gallery/gallery-source';

export interface StartedFrame extends RunningFrame {
  config: FrameConfig;
  store: GalleryStore;
  /** The poller of the current project, null while not configured. */
  readonly sync: GallerySync | null;
  readonly webhooks: Webhooks;
  settings: SettingsService;
  cache: MediaCache;
  demoWix: FakeWix | null;
}

export async function startFrame(options: StartFrameOptions): Promise<StartedFrame> {
  const { config, logger, settingsStore, settings, demoWix } = await openFrameSetup(options);
  const store = new GalleryStore(EMPTY_GALLERY);
  const snapshotFile = new GallerySnapshotFile(config.dataDir, logger);
  persistGallery(store, snapshotFile);

  if (config.screenCommands) logger.info(`The screen is switched by FRAME_SCREEN_OFF_COMMAND and FRAME_SCREEN_ON_COMMAND (${config.screenCommands.off[0]}, run without a shell); the screen switch setting is not used.`);
  let screenOff = false;
  let feed: WixFeed | null = null;
  // Pause is the show's state, carried in the snapshot; next and previous go to every renderer.
  const show = new ShowControl(() => display.publish());
  const display = await startDisplay({
    config,
    store,
    logger,
    effective: () => settings.effective(),
    setupNeeded: () => !config.demo && (settings.effective().authMode === 'none' || !settings.effective().projectId),
    webhookHealth: () => feed?.webhookHealth() ?? { enabled: false, accepted: 0, ignored: 0, rejected: 0 },
    switchScreen: options.switchScreen ?? createScreenSwitch({ custom: config.screenCommands }),
    paused: () => show.paused,
    onScreenChange(state) {
      screenOff = state === 'off';
      void feed?.setPaused(screenOff);
    },
  });
  settings.onProjectsListed((projects) => display.offerCovers(projects.flatMap((p) => (p.coverFileId ? [p.coverFileId] : []))));
  // A refused webhook is said on the show; a flood of them publishes at most once a few seconds.
  const publishRefusal = throttled(() => display.publish(), 3_000);
  const wix = await startWixFeed({ config, store, snapshotFile, logger, settings: settings.effective(), paused: screenOff, onRejected: publishRefusal });
  feed = wix;

  settingsStore.onChange(async () => {
    const effective = settings.effective();
    display.publish();
    await display.apply(effective);
    await wix.apply(effective);
  });

  const health = (): HealthReport => ({
    ok: store.state.lastError === null,
    projectId: store.state.projectId,
    items: store.state.items.length,
    syncedAt: store.state.syncedAt,
    lastError: store.state.lastError,
    demo: config.demo,
    webhook: wix.webhookHealth(),
    ...display.health(),
    process: { rssBytes: process.memoryUsage().rss, heapUsedBytes: process.memoryUsage().heapUsed, uptimeSeconds: Math.round(process.uptime()) },
  });

  return {
    config,
    store,
    get sync() {
      return wix.currentSync;
    },
    get webhooks() {
      return wix.webhooks;
    },
    settings,
    demoWix,
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
      display.stop();
      await wix.stop();
      await snapshotFile.flush();
      await demoWix?.stop();
    },
  };
}
