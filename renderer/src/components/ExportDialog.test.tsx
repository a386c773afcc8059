/**
 * The export dialog offers exactly the formats of the contract (shared/domain/schemas),
 * in its order, each with a label of its own in both UI languages — a format added in
 * shared/ appears here without being listed again.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ExportFormat, type DocumentMeta } from '../../../shared/domain/schemas';
import type { JiaoduiClient } from '../../../shared/contract/api';
import { ClientContext } from '../state/client';
import { I18nContext, makeI18n } from '../i18n';
import { ExportDialog } from './ExportDialog';

function options(locale: 'en' | 'zh-Hant'): { value: string; label: string }[] {
  const noop = () => undefined;
  const html = renderToStaticMarkup(
    <ClientContext.Provider value={{ client: {} as JiaoduiClient, transport: 'http', shell: null }}>
      <I18nContext.Provider value={makeI18n(locale)}>
        <ExportDialog doc={{ id: 1, title: 'Doc' } as DocumentMeta} onDone={noop} onError={noop} onClose={noop} />
      </I18nContext.Provider>
    </ClientContext.Provider>,
  );
  const select = /<select[^>]*data-testid="export-format"[^>]*>([\s\S]*?)<\/select>/.exec(html);
  expect(select).not.toBeNull();
  return [...select![1].matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => ({ value: m[1], label: m[2] }));
}

describe('ExportDialog', () => {
  it.each(['en', 'zh-Hant'] as const)('lists every export format of the contract, XLIFF 1.2 included, with its own label (%s)', (locale) => {
    const opts = options(locale);
    expect(opts.map((o) => o.value)).toEqual([...ExportFormat.options]);
    expect(opts.map((o) => o.value)).toContain('xliff12');
    for (const o of opts) expect(o.label, o.value).not.toMatch(/^export\.format\.|^$/);
    expect(new Set(opts.map((o) => o.label)).size).toBe(opts.length);
    expect(opts.find((o) => o.value === 'xliff12')?.label).toMatch(/XLIFF 1\.2/);
  });
});
