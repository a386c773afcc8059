/**
 * Check rule titles in the UI language: the tables are shared/wording/rules.ts (the change
 * report words rules too); this module makes them a UI catalog. A rule the tables do not
 * know keeps the service's title.
 */
import { RULE_TITLES, type RuleId } from '../../shared/wording/rules';
import { defineCatalog } from './i18n-catalog';

export { ruleTitle, type RuleId } from '../../shared/wording/rules';

/** Both catalogs, for the test that every key is translated (i18n-catalogs.test.ts). */
export const RULES_CATALOG = defineCatalog<RuleId, (typeof RULE_TITLES)['en']>(RULE_TITLES.en, RULE_TITLES['zh-Hant']).catalog;
