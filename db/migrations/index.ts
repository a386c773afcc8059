import { migration001 } from './001_initial';
import { migration002 } from './002_findings_details';
import { migration003 } from './003_glossary';
import { migration004 } from './004_annotation_threads';
import { migration005 } from './005_claims';
import { migration006 } from './006_claim_candidate_decisions';
import { migration007 } from './007_parallel_texts';
import { migration008 } from './008_fts_index_cost';
import { migration009 } from './009_operation_label_keys';
import { migration010 } from './010_finding_message_data';
import { migration011 } from './011_change_log';
import { migration012 } from './012_record_versions';
import { migration013 } from './013_claims_workflow';
import { migration014 } from './014_team_accounts';
import { migration015 } from './015_project_settings';
import { migration016 } from './016_request_ids';
import { migration017 } from './017_ids_never_reused';
import { migration018 } from './018_messages_worded_from_data';
import type { Migration } from './types';

/** Every migration, in order. Add a file per schema change and list it here. */
// Keep the list sorted by version: 003 (glossary) goes between 002 and 004.
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration016, migration017, migration018];
export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
