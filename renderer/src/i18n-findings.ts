/**
 * Finding messages in the UI language: the Chinese templates and `findingMessageText` are
 * shared/wording/findings.ts (the change report words messages too); this module makes them a
 * UI catalog.
 */
import { FINDING_MESSAGES_EN, type FindingMessageKey } from '../../shared/finding-messages';
import { FINDING_MESSAGES_ZH } from '../../shared/wording/findings';
import { defineCatalog } from './i18n-catalog';

export { findingMessageText } from '../../shared/wording/findings';

/** Both catalogs, for the test that every key is translated (i18n-catalogs.test.ts). */
export const FINDINGS_CATALOG = defineCatalog(FINDING_MESSAGES_EN as Record<FindingMessageKey, string>, FINDING_MESSAGES_ZH).catalog;
