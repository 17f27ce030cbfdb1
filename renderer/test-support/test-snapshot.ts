// A minimal valid snapshot for the renderer's tests.
import { DEFAULT_DISPLAY, type FrameSnapshot } from '../../shared/display';

export function testSnapshot(itemIds: string[] = []): FrameSnapshot {
  return {
    gallery: {
      projectId: 'p',
      items: itemIds.map((id, i) => ({ id, title: id, description: '', type: 'IMAGE', sortOrder: i, image: { id: `${id}.jpg` } })),
      syncedAt: null,
      lastError: null,
    },
    display: DEFAULT_DISPLAY,
    status: { setupNeeded: false, demo: false, screen: 'on', problems: [], paused: false },
  };
}
