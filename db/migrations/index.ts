import { migration001 } from './001_initial';
import { migration002 } from './002_findings_details';
import type { Migration } from './types';

/** Every migration, in order. Add a file per schema change and list it here. */
export const migrations: readonly Migration[] = [migration001, migration002];
export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
