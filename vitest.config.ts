import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,db,core,cli,electron,renderer,scripts,eval,eslint,e2e}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one worker on CI's 2 cores, where the CLI and
    // server tests spend much of their time waiting on the processes they start. Two workers there:
    // cli/ + core/ 348 s → 214 s on the quiet 2-core machine (session 11), every test passing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // the CLI tests run the prebuilt bundle; build it first when the sources changed
    globalSetup: ['scripts/vitest-global-setup.ts'],
  },
});
