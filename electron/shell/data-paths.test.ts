import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDataDir, type AppPaths } from './data-paths';

class FakeApp implements AppPaths {
  paths = new Map<string, string>([['userData', '/home/pi/.config/Frame']]);
  getPath(name: 'userData'): string {
    return this.paths.get(name)!;
  }
  setPath(name: 'userData' | 'sessionData', path: string): void {
    this.paths.set(name, path);
  }
}

describe('applyDataDir', () => {
  it("keeps Electron's userData by default and moves Chromium's files into a subfolder", () => {
    const app = new FakeApp();
    const made: string[] = [];
    expect(applyDataDir(app, {}, (p) => made.push(p))).toEqual({ dataDir: '/home/pi/.config/Frame', problem: null });
    expect(made).toEqual(['/home/pi/.config/Frame/chromium']);
    expect(Object.fromEntries(app.paths)).toEqual({ userData: '/home/pi/.config/Frame', sessionData: '/home/pi/.config/Frame/chromium' });
  });

  it('makes FRAME_DATA_DIR the userData folder, resolved to an absolute path', () => {
    const app = new FakeApp();
    expect(applyDataDir(app, { FRAME_DATA_DIR: ' frame-data ' }, () => undefined).dataDir).toBe(resolve('frame-data'));
    expect(app.paths.get('userData')).toBe(resolve('frame-data'));
    expect(app.paths.get('sessionData')).toBe(join(resolve('frame-data'), 'chromium'));
  });

  it('ignores an empty FRAME_DATA_DIR', () => {
    const app = new FakeApp();
    expect(applyDataDir(app, { FRAME_DATA_DIR: '  ' }, () => undefined).dataDir).toBe('/home/pi/.config/Frame');
  });

  it('a data dir that cannot be made never stops the kiosk: Chromium goes to a temporary folder, the problem is named', () => {
    const app = new FakeApp();
    const made: string[] = [];
    const applied = applyDataDir(
      app,
      { FRAME_DATA_DIR: '/media/card/frame' },
      (p) => {
        if (p.startsWith('/media/card')) throw new Error('EROFS: read-only file system');
        made.push(p);
      },
      '/tmp/frame-chromium-1000',
    );
    expect(applied).toEqual({ dataDir: '/media/card/frame', problem: expect.stringMatching(/"\/media\/card\/frame" could not take Chromium's files \(EROFS.*\/tmp\/frame-chromium-1000/) });
    expect(made).toEqual(['/tmp/frame-chromium-1000']);
    expect(Object.fromEntries(app.paths)).toEqual({ userData: '/tmp/frame-chromium-1000', sessionData: '/tmp/frame-chromium-1000' });
  });
});
