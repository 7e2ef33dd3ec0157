import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The conformance suite runs naive float64 reference loops; the wasm engine compiles its module at start.
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
