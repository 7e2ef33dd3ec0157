import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The conformance suite compares against naive float64 reference loops (a 257x129x65 matmul, conv adjoints).
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
