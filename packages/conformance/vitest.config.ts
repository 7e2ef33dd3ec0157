import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The suite itself runs from each backend's package; these are the reference's and harness's own tests.
  test: { include: ['test/**/*.test.ts'] },
});
