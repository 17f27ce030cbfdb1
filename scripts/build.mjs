// Builds everything the shells run: the renderer with Vite, the Node side with
// esbuild (web shell and CLI as ESM; Electron main and the sandboxed preload
// as single CommonJS files, because a sandboxed preload cannot load modules).
import { copyFileSync, rmSync } from 'node:fs';
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { recordBuild, sourceSnapshot } from './source-hash.mjs';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

// Hashed before building: an edit made during the build means the next start builds again.
const snapshot = sourceSnapshot();
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
// Dependencies are bundled too: Node resolving and loading a few hundred
// files from node_modules was ~150 ms of a frame's start (a Pi's SD card
// takes longer). What only some frames use (MQTT.js) stays in a chunk of its
// own, loaded when needed. Bundled CommonJS asks for `require`: given here.
// One build per program, so that code they share is not moved into a chunk
// elsewhere (the demo clip is found next to the program's own file).
rmSync('dist/node', { recursive: true, force: true });
for (const name of ['server', 'cli', 'relay']) {
  await esbuild({
    ...common,
    entryPoints: { [name]: `electron/${name}.ts` },
    outdir: 'dist/node',
    format: 'esm',
    splitting: true,
    chunkNames: `chunks/${name}-[name]-[hash]`,
    banner: { js: "import { createRequire as __frameCreateRequire } from 'node:module'; const require = __frameCreateRequire(import.meta.url);" },
  });
}
await esbuild({
  ...common,
  entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['electron'],
  // The demo clip's reader falls back to __dirname where import.meta is empty.
  logOverride: { 'empty-import-meta': 'silent' },
});
// The demo's short video sits next to each bundle (electron/core/demo/demo-clip.ts reads it from there).
for (const dir of ['dist/node', 'dist/electron']) copyFileSync('electron/core/demo/demo-clip.webm', `${dir}/demo-clip.webm`);
recordBuild(process.cwd(), snapshot);
console.log('built dist/renderer, dist/node, dist/electron');
