// Builds everything the shells run: the renderer with Vite, the Node side with
// esbuild (web shell and CLI as ESM; Electron main and the sandboxed preload
// as single CommonJS files, because a sandboxed preload cannot load modules).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
await esbuild({
  ...common,
  entryPoints: { server: 'electron/server.ts', cli: 'electron/cli.ts' },
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
});
console.log('built dist/renderer, dist/node, dist/electron');
