// The process-boundary lint rules must bite: ESLint, with the project's own
// config, is fed files that break them and must report each break.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The lines ESLint reports a restricted import on, for `code` linted as the file at `path`. */
async function boundaryErrors(path: string, code: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return [...new Set(result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line))];
}

describe('process-boundary lint', () => {
  it('refuses a renderer file that imports the core by a relative path and a Node built-in', async () => {
    const errors = await boundaryErrors(
      'renderer/slideshow/evil.tsx',
      ["import { startFrame } from '../../electron/core/frame';", "import { readFileSync } from 'fs';", 'export const x = [startFrame, readFileSync];', ''].join('\n'),
    );
    expect(errors).toEqual([1, 2]);
  });

  it('refuses electron, node: built-ins, built-in subpaths and type-only imports in shared/', async () => {
    const code = [
      "import { app } from 'electron';",
      "import { join } from 'node:path';",
      "import { readFile } from 'fs/promises';",
      "import type { Logger } from '../electron/core/frame-types';",
      "export { spawn } from 'child_process';",
      'export const y = [app, join, readFile] as unknown as Logger;',
      '',
    ].join('\n');
    expect(await boundaryErrors('shared/evil.ts', code)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses the Electron shell and electron itself in electron/core', async () => {
    const code = [
      "import { isAppUrl } from '../../shell/app-url';",
      "import { BrowserWindow } from 'electron';",
      "import { mainWindowOptions } from '../../electron/shell/window-options';",
      'export const z = [isAppUrl, BrowserWindow, mainWindowOptions];',
      '',
    ].join('\n');
    expect(await boundaryErrors('electron/core/web/evil.ts', code)).toEqual([1, 2, 3]);
  });

  it('lets each side import what it may', async () => {
    expect(await boundaryErrors('renderer/slideshow/fine.ts', "import { mediaPath } from '../../shared/media';\nexport const a = mediaPath;\n")).toEqual([]);
    expect(await boundaryErrors('electron/core/web/fine.ts', "import { readFile } from 'node:fs/promises';\nimport { mediaPath } from '../../../shared/media';\nexport const b = [readFile, mediaPath];\n")).toEqual([]);
    expect(await boundaryErrors('electron/shell/fine.ts', "import { app } from 'electron';\nimport { startFrame } from '../core/frame';\nexport const c = [app, startFrame];\n")).toEqual([]);
  });
});
