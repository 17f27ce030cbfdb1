// The display side of a frame: what the renderer is pushed (gallery, display
// settings, status), screen-sized media from the cache with the next photos
// fetched ahead, and screen power. It reads the gallery store; whatever feeds
// the store (Wix, or the relay) is not its concern.
import { join } from 'node:path';
import { displayOf, type FleetStatus, type FrameSnapshot } from '../../../shared/display';
import type { MediaRequest, VideoRequest } from '../../../shared/media';
import type { Settings } from '../../../shared/settings';
import type { FrameConfig } from '../config/env-config';
import type { HealthReport, Logger, WebhookHealth } from '../frame-types';
import type { GalleryStore } from '../gallery/store';
import { MediaAllowList } from '../media/media-allow-list';
import { MediaCache } from '../media/media-cache';
import { withMediaHeaders } from '../media/media-headers';
import { createMediaProxy } from '../media/media-proxy';
import { cachedFileIds, Prefetcher } from '../media/prefetch';
import { createVideoSource } from '../media/video-source';
import { ProblemList } from '../status/problems';
import type { CacheStorage } from '../media/media-cache';
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
  /** The project picker is showing these covers: they may be served until newer ones push them out. */
  offerCovers(fileIds: readonly string[]): void;
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
  /** The frame's place on an MQTT broker, when it has one. */
  fleetStatus?: () => FleetStatus;
  /** The data dir's health: while it cannot be written, photos stream through uncached. */
  storage?: CacheStorage;
  /** Screen off pauses fetching, on resumes it. */
  onScreenChange(state: ScreenState): void;
  /** The show is paused by a person (ShowControl). */
  paused(): boolean;
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
      status: { setupNeeded, demo: config.demo, screen: screenPower.state, problems: problemList, paused: options.paused(), ...(options.fleetStatus ? { fleet: options.fleetStatus() } : {}) },
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
    maxVideoBytes: config.videoMaxMegabytes * 1024 * 1024,
    ...(options.storage ? { storage: options.storage } : {}),
  });
  await cache.open();
  // Only the gallery's files and offered covers are served: /media is no open proxy.
  const allowList = new MediaAllowList();
  allowList.setGallery(store.state.items);
  const fetchVideo = createVideoSource({ cache, videoBaseUrl: config.wix.videoBaseUrl, mediaBaseUrl: config.wix.mediaBaseUrl, logger });
  const prefetcher = new Prefetcher(
    cache,
    () => store.state.items,
    () => effective().order === 'sorted',
  );
  const unsubscribe = store.subscribe((state, change) => {
    if (change.added.length || change.updated.length || change.removed.length) allowList.setGallery(state.items);
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
      if (!allowList.allows(request.fileId)) return withMediaHeaders(new Response('not a photo of this gallery', { status: 404 }));
      const response = await cache.get(request, signal);
      prefetcher.after(request);
      return withMediaHeaders(response);
    },
    fetchVideo: async (request, range, signal) => withMediaHeaders(await fetchVideo(store.state.items, request, range, signal)),
    offerCovers: (fileIds) => allowList.offerCovers(fileIds),
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
