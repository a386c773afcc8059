/**
 * Operation labels in the UI language: the templates and `formatOperationLabel` are
 * shared/wording/operations.ts (the change report words labels too); this module makes them
 * a UI catalog and binds them to the current language.
 */
import { useCallback } from 'react';
import type { OperationLabelRef } from '../../shared/domain/schemas';
import { formatOperationLabel, OPERATION_TEMPLATES, type OperationsMessageKey } from '../../shared/wording/operations';
import { useI18n } from './i18n';
import { defineCatalog } from './i18n-catalog';

export { formatOperationLabel, type OperationsMessageKey } from '../../shared/wording/operations';

/** Both catalogs, for the test that every key is translated (i18n-catalogs.test.ts). */
export const OPERATIONS_CATALOG = defineCatalog<OperationsMessageKey, (typeof OPERATION_TEMPLATES)['en']>(OPERATION_TEMPLATES.en, OPERATION_TEMPLATES['zh-Hant']).catalog;

/** `(label, text) => string` in the current UI language. */
export function useOperationLabel(): (label: OperationLabelRef | null | undefined, text: string) => string {
  const { locale } = useI18n();
  return useCallback((label, text) => formatOperationLabel(locale, label, text), [locale]);
}
