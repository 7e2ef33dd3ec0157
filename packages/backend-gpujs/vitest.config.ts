import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // WebGL here is Mesa's llvmpipe (software): each kernel compiles in ~10-40 ms and runs slowly.
    testTimeout: 120000,
    hookTimeout: 120000,
  },
});
