import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // every temporary folder of the run in one, removed at the end (see the file)
    globalSetup: ['test/temp-dir.ts'],
  },
});
