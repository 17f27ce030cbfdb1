// Builds everything the shells run: the renderer with Vite, the Node side with
// esbuild (web shell and CLI as ESM; Electron main and the sandboxed preload
// as single CommonJS files, because a sandboxed preload cannot load modules).
import { copyFileSync } from 'node:fs';
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { recordBuild, sourceHash } from './source-hash.mjs';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

// Hashed before building: an edit made during the build means the next start builds again.
const hash = sourceHash();
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
await esbuild({
  ...common,
  entryPoints: { server: 'electron/server.ts', cli: 'electron/cli.ts', relay: 'electron/relay.ts' },
  outdir: 'dist/node',
  format: 'esm',
  packages: 'external',
});
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
recordBuild(process.cwd(), hash);
console.log('built dist/renderer, dist/node, dist/electron');
