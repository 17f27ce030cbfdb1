// HTTP paths of the web shell, used by its server and its renderer bridge.

export const WebPaths = {
  state: '/api/state',
  snapshot: '/api/snapshot',
  events: '/api/events',
  health: '/healthz',
  settingsPage: '/settings',
} as const;

/** Server-Sent Events name carrying a FrameSnapshot as JSON. */
export const SNAPSHOT_EVENT = 'snapshot';
