import { defineConfig } from 'vitest/config';

// Learning tests train small models: seconds each, more when turbo runs other packages' tests beside them.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000 } });
