import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/frame-types';
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
    expect(applyDataDir(app, {}, (p) => made.push(p))).toBe('/home/pi/.config/Frame');
    expect(made).toEqual(['/home/pi/.config/Frame/chromium']);
    expect(Object.fromEntries(app.paths)).toEqual({ userData: '/home/pi/.config/Frame', sessionData: '/home/pi/.config/Frame/chromium' });
  });

  it('makes FRAME_DATA_DIR the userData folder, resolved to an absolute path', () => {
    const app = new FakeApp();
    expect(applyDataDir(app, { FRAME_DATA_DIR: ' frame-data ' }, () => undefined)).toBe(resolve('frame-data'));
    expect(app.paths.get('userData')).toBe(resolve('frame-data'));
    expect(app.paths.get('sessionData')).toBe(join(resolve('frame-data'), 'chromium'));
  });

  it('ignores an empty FRAME_DATA_DIR', () => {
    const app = new FakeApp();
    expect(applyDataDir(app, { FRAME_DATA_DIR: '  ' }, () => undefined)).toBe('/home/pi/.config/Frame');
  });

  it('names FRAME_DATA_DIR when the folder cannot be made', () => {
    const app = new FakeApp();
    const attempt = () =>
      applyDataDir(app, { FRAME_DATA_DIR: '/proc/nope' }, () => {
        throw new Error('EACCES: permission denied');
      });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^FRAME_DATA_DIR must be a writable folder; "\/proc\/nope" could not be created \(EACCES/);
    expect(app.paths.has('sessionData')).toBe(false);
  });
});
