// The edge: preload.ts itself, with 'electron' mocked (no binary here).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRELOAD_GLOBAL } from '../../shared/channels';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const ipcRenderer = vi.hoisted(() => ({ invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear();
    vi.resetModules();
    await import('../preload');
  });

  it('exposes only the typed bridge under frameBridge', () => {
    expect([...exposed.keys()]).toEqual([PRELOAD_GLOBAL]);
    const api = exposed.get(PRELOAD_GLOBAL) as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(
      ['control', 'onShowCommand', 'reportShowing', 'getAutostart', 'getSettings', 'getSnapshot', 'listProjects', 'mediaOrigin', 'onOpenSettings', 'onSnapshot', 'saveSettings', 'setAutostart', 'setupLink', 'testConnection'].sort(),
    );
    expect(api.mediaOrigin).toBe('frame-media://media');
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });
});
