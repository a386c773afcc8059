import { defineConfig } from '@playwright/test';

// End-to-end tests of browser mode. Build the renderer first:
//   npx vite build --config renderer/vite.config.ts && npx playwright test
// Each worker starts its own `jiaodui serve` on a temporary database (e2e/fixtures.ts).
export default defineConfig({
  testDir: 'e2e',
  // specs only: e2e/*.test.ts are Vitest unit tests of the helpers (e2e/shared-state.test.ts)
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
