/**
 * The shape every UI catalog shares: English and Traditional Chinese tables keyed alike,
 * a `translate(locale, key, params)` that falls back to English then to the key, and
 * `{name}` placeholders filled from params (unknown names stay as written).
 * The hook that binds a catalog to the current UI language is `catalogHook` in i18n.ts.
 */
export type Locale = 'en' | 'zh-Hant';
export type Params = Record<string, string | number>;
export type CatalogTranslate<K extends string> = (locale: Locale, key: K, params?: Params) => string;

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export interface Catalog<K extends string, E extends Record<K, string>> {
  /** Both languages, e.g. for the test that every key is translated (i18n-catalogs.test.ts). */
  readonly catalog: { readonly en: E; readonly 'zh-Hant': Record<K, string> };
  readonly translate: CatalogTranslate<K>;
}

export function defineCatalog<K extends string, E extends Record<K, string>>(en: E, zhHant: Record<K, string>): Catalog<K, E> {
  const catalog = { en, 'zh-Hant': zhHant } as const;
  const translate: CatalogTranslate<K> = (locale, key, params) => interpolate(catalog[locale][key] ?? en[key] ?? key, params);
  return { catalog, translate };
}
