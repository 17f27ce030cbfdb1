// Checks electron-builder.yml without packaging (no Electron download): the
// schema electron-builder itself validates with, plus what Frame relies on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(__dirname, '../..');

interface Target {
  target: string;
  arch: string[];
}

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: Target[]; category: string; icon: string; desktop: { entry: Record<string, string> } };
}

const raw = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
const config = parse(raw) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };

/** electron-builder's rule: a file ships when a pattern includes it and no "!" pattern excludes it. */
function ships(file: string): boolean {
  const include = config.files.filter((p) => !p.startsWith('!'));
  const exclude = config.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return include.some((p) => minimatch(file, p, { dot: true })) && !exclude.some((p) => minimatch(file, p, { dot: true }));
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config as never, { isEnabled: false, add: () => undefined } as never)).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.frame.photoframe');
    expect(config.productName).toBe('Frame');
    expect(config.directories.output).toBe('release');
    expect(pkg.scripts.dist).toContain('--config electron-builder.yml');
  });

  it('builds deb and AppImage for arm64 (Raspberry Pi OS 64-bit) and x64', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['arm64', 'x64'] },
      { target: 'AppImage', arch: ['arm64', 'x64'] },
    ]);
    expect(config.linux.target.flatMap((t) => t.arch)).not.toContain('armv7l');
    expect(config.linux.category).toBe('Graphics');
  });

  it('has a desktop entry and an icon', () => {
    expect(config.linux.desktop.entry).toMatchObject({ Name: 'Frame', Categories: expect.stringContaining('Graphics') });
    const png = readFileSync(join(ROOT, config.linux.icon, '512x512.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('ships the build outputs the app runs from, and no sources', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc123.js', 'package.json']) {
      expect(ships(file), file).toBe(true);
    }
    for (const file of ['electron/main.ts', 'renderer/main.tsx', 'dist/node/server.js', 'dist/electron/main.cjs.map', 'e2e/electron.spec.ts', '.env']) {
      expect(ships(file), file).toBe(false);
    }
  });

  it('packs into asar and flips the fuses', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      // Electron's security checklist: the page comes through a custom scheme, so file: keeps no privileges.
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
