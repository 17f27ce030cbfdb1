import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served by the web shell over HTTP and loaded by Electron
// from disk, so every asset path is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // One chunk, and Chromium 120+ preloads modules natively: the polyfill is dead weight.
    modulePreload: { polyfill: false },
  },
});
