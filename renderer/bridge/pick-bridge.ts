// The single place that looks at which shell we run in.
import { PRELOAD_GLOBAL } from '../../shared/channels';
import { electronBridge, type SnapshotApi } from './electron-bridge';
import type { FrameBridge } from './frame-bridge';
import { webBridge } from './web-bridge';

export function pickBridge(scope: object = window): FrameBridge {
  const api = (scope as Record<string, unknown>)[PRELOAD_GLOBAL] as SnapshotApi | undefined;
  return api ? electronBridge(api) : webBridge();
}
