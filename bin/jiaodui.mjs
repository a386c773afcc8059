#!/usr/bin/env node
// The `jiaodui` command: runs the TypeScript sources through tsx, so `npx jiaodui`
// works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
