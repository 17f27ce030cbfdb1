// The display side of a frame: what the renderer is pushed (gallery, display
// settings, status), screen-sized media from the cache with the next photos
// fetched ahead, and screen power. It reads the gallery store; whatever feeds
// the store (Wix, or the relay) is not its concern.
import { join } from 'node:path';
import { displayOf, type FrameSnapshot } from '../../../shared/display';
import type { MediaRequest, VideoRequest } from '../../../shared/media';
import type { Settings } from '../../../shared/settings';
import type { FrameConfig } from '../config/env-config';
import type { HealthReport, Logger, WebhookHealth } from '../frame-types';
import type { GalleryStore } from '../gallery/store';
import { MediaCache } from '../media/media-cache';
import { createMediaProxy } from '../media/media-proxy';
import { cachedFileIds, Prefetcher } from '../media/prefetch';
import { fetchVideoFor } from '../media/video-source';
import { ProblemList } from '../status/problems';
import { ScreenPower, type ScreenState } from '../system/screen-power';
import type { ScreenSwitch } from '../system/screen-switch';

export interface Display {
  readonly cache: MediaCache;
  readonly screenPower: ScreenPower;
  /** Problems that parts outside the display watch themselves (storage, relay). */
  readonly problems: ProblemList;
  getSnapshot(): FrameSnapshot;
  onSnapshot(listener: (snapshot: FrameSnapshot) => void): () => void;
  /** Pushes the current snapshot to every listener. */
  publish(): void;
  /** The settings changed: screen power follows (the snapshot is pushed by publish). */
  apply(settings: Settings): Promise<void>;
  fetchMedia(request: MediaRequest, signal?: AbortSignal): Promise<Response>;
  fetchVideo(request: VideoRequest, range?: string, signal?: AbortSignal): Promise<Response>;
  health(): Pick<HealthReport, 'display' | 'cache'>;
  stop(): void;
}

export interface DisplayOptions {
  config: FrameConfig;
  store: GalleryStore;
  logger: Logger;
  effective(): Settings;
  /** Nothing feeds the frame yet: the settings screen opens by itself. */
  setupNeeded(): boolean;
  /** The feed's webhook receiver, for the problems it reports. */
  webhookHealth(): WebhookHealth;
  switchScreen: ScreenSwitch;
  /** Screen off pauses fetching, on resumes it. */
  onScreenChange(state: ScreenState): void;
}

export async function startDisplay(options: DisplayOptions): Promise<Display> {
  const { config, store, logger, effective } = options;
  const listeners = new Set<(snapshot: FrameSnapshot) => void>();
  const problems = new ProblemList();
  const getSnapshot = (): FrameSnapshot => {
    const setupNeeded = options.setupNeeded();
    const problemList = problems.assemble({
      setupNeeded,
      wixError: store.state.lastError,
      hasPhotos: store.state.items.length > 0,
      screenCommandError: screenPower.lastCommandError,
      webhook: options.webhookHealth(),
    });
    return {
      gallery: store.state,
      display: displayOf(effective()),
      status: { setupNeeded, demo: config.demo, screen: screenPower.state, problems: problemList },
    };
  };
  const publish = () => {
    const snapshot = getSnapshot();
    for (const listener of listeners) listener(snapshot);
  };
  const cache = new MediaCache({
    dir: join(config.dataDir, 'media-cache'),
    capBytes: config.cacheMegabytes * 1024 * 1024,
    fetchUpstream: createMediaProxy({ mediaBaseUrl: config.wix.mediaBaseUrl }),
    logger,
  });
  await cache.open();
  const prefetcher = new Prefetcher(
    cache,
    () => store.state.items,
    () => effective().order === 'sorted',
  );
  const unsubscribe = store.subscribe((state, change) => {
    // Photos deleted on Wix (or of another project) leave the cache too.
    if ((change.added.length || change.updated.length || change.removed.length) && state.syncedAt) void cache.retainOnly(new Set(state.items.flatMap(cachedFileIds)));
    publish();
  });

  const screenPower = new ScreenPower({
    switchScreen: options.switchScreen,
    logger,
    onChange(state) {
      options.onScreenChange(state);
      publish();
    },
  });
  await screenPower.apply(effective());

  return {
    cache,
    screenPower,
    problems,
    getSnapshot,
    onSnapshot(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish,
    apply: (settings) => screenPower.apply(settings),
    async fetchMedia(request, signal) {
      const response = await cache.get(request, signal);
      prefetcher.after(request);
      return response;
    },
    fetchVideo: (request, range, signal) => fetchVideoFor(store.state.items, cache, request, range, signal),
    health: () => ({
      display: { screen: screenPower.state, scheduleEnabled: effective().scheduleEnabled, commandError: screenPower.lastCommandError },
      cache: { files: cache.count, bytes: cache.bytes, capBytes: config.cacheMegabytes * 1024 * 1024, ...cache.stats },
    }),
    stop() {
      listeners.clear();
      unsubscribe();
      screenPower.stop();
    },
  };
}
