import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real-data tests decode Fashion-MNIST and IMDB (seconds each on 2 cores); the builder test tokenises 50,000 reviews.
    testTimeout: 120000,
    hookTimeout: 120000,
  },
});
