import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,db,core,cli,electron,renderer,scripts,eval,eslint,e2e}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // the CLI tests run the prebuilt bundle; build it first when the sources changed
    globalSetup: ['scripts/vitest-global-setup.ts'],
  },
});
