// The part of a RunningFrame the Electron shell uses, for shell tests:
// snapshots on demand, recorded media requests. (health and settings are the
// core's business; the shell only passes the frame through.)
import type { FrameSnapshot } from '../../../shared/display';
import { DEFAULT_DISPLAY } from '../../../shared/display';
import { EMPTY_GALLERY } from '../../../shared/gallery';
import type { MediaRequest } from '../../../shared/media';
import type { RunningFrame } from '../../core/frame-types';

export type ShellFrame = Pick<RunningFrame, 'getSnapshot' | 'onSnapshot' | 'fetchMedia' | 'stop'>;

export function sampleSnapshot(projectId = 'project-1'): FrameSnapshot {
  return {
    gallery: { ...EMPTY_GALLERY, projectId, items: [] },
    display: DEFAULT_DISPLAY,
    status: { setupNeeded: false, demo: true, screen: 'on' },
  };
}

export class FakeFrame implements ShellFrame {
  snapshot: FrameSnapshot = sampleSnapshot();
  readonly mediaRequests: { request: MediaRequest; signal: AbortSignal | undefined }[] = [];
  mediaResponse: () => Promise<Response> = async () => new Response('jpeg bytes', { status: 200, headers: { 'content-type': 'image/jpeg' } });
  stopped = 0;
  private readonly listeners = new Set<(snapshot: FrameSnapshot) => void>();

  getSnapshot(): FrameSnapshot {
    return this.snapshot;
  }

  onSnapshot(listener: (snapshot: FrameSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Changes the snapshot and tells every listener, as the core does after a sync. */
  change(snapshot: FrameSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }

  async fetchMedia(request: MediaRequest, signal?: AbortSignal): Promise<Response> {
    this.mediaRequests.push({ request, signal });
    return this.mediaResponse();
  }

  async stop(): Promise<void> {
    this.stopped += 1;
  }
}
