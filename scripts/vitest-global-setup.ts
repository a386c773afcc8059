/**
 * Vitest globalSetup: the CLI tests spawn bin/jiaodui.mjs with JIAODUI_CLI=bundle
 * (cli/test-helpers.ts), so the bundle must match the sources under test. Rebuilt only when
 * stale (scripts/cli-bundle.mjs), which takes well under a second.
 */
import { buildCliIfStale } from './build-cli.mjs';

export default async function setup(): Promise<void> {
  await buildCliIfStale();
}
