import { defineConfig } from 'vitest/config';

// `npm run test:reliability`: fault injection, crash safety and hostile
// input against real processes and servers; bounded to a few minutes.
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
