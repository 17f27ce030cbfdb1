import { defineConfig } from 'vitest/config';

// `npm run test:fleet`: the built relay and web shells as processes on a real
// Mosquitto (needs `npm run build` first; part of `npm test`).
export default defineConfig({
  test: {
    include: ['test/fleet/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
