#!/usr/bin/env node
// The `jiaodui` command. It runs the prebuilt bundle dist/cli/entry.mjs (scripts/build-cli.mjs,
// built by `npm install` and `npm run build`) when that is fresh, so a run does not compile
// TypeScript. Without a fresh bundle (sources edited since the build, or a production install
// without esbuild) it runs the TypeScript sources through tsx, as before (staleness rule:
// scripts/cli-bundle.mjs). JIAODUI_CLI=bundle insists on the bundle (the CLI tests),
// JIAODUI_CLI=source on the sources.
import { pathToFileURL } from 'node:url';
import { bundleEntry, bundleState } from '../scripts/cli-bundle.mjs';

const wanted = process.env.JIAODUI_CLI;
const state = wanted === 'source' ? 'not wanted' : bundleState();
if (state === 'fresh') {
  await import(pathToFileURL(bundleEntry()).href);
} else if (wanted === 'bundle') {
  process.stderr.write(`jiaodui: JIAODUI_CLI=bundle but the bundle dist/cli is ${state}; run 'npm run build:cli'.\n`);
  process.exitCode = 3;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/entry.ts');
}
