import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The conformance suite compares against naive float64 reference loops.
    testTimeout: 60000,
    hookTimeout: 60000,
    projects: [
      { extends: true, test: { name: 'plain', include: ['test/*.test.ts'] } },
      {
        // Node 20 runs relaxed SIMD only behind this V8 flag, which NODE_OPTIONS does not accept:
        // these files run in child processes started with it.
        extends: true,
        test: { name: 'relaxed', include: ['test/relaxed/*.test.ts'], pool: 'forks', execArgv: ['--experimental-wasm-relaxed-simd'] },
      },
    ],
  },
});
