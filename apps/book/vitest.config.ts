import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The book's exact rows train for real: Ch06's DualLayer alone is 20000 full-batch epochs.
    testTimeout: 120000,
    hookTimeout: 120000,
  },
});
