/**
 * A document's details for each role (state/permissions.ts documentDetailsAccess): a lead edits
 * them (fields, Save); a reviewer reads them — read-only fields, no Save, the line saying who may.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DocumentMeta, Project } from '../../../shared/domain/schemas';
import type { Role } from '../../../shared/contract/roles';
import * as rolesText from '../i18n-roles';
import { I18nContext, makeI18n } from '../i18n';
import { makePermissions, PermissionsContext } from '../state/usePermissions';
import { DocumentForm } from './DocumentForm';

const DOC = { id: 7, projectId: 1, title: '業績電話會議', source: 'HKEX', date: '2024-03-26', variant: 'hk' } as DocumentMeta;
const PROJECTS = [
  { id: 1, name: 'Inbox' },
  { id: 2, name: 'SenseTime' },
] as Project[];

function render(role: Role | null, locale: 'en' | 'zh-Hant' = 'en'): string {
  const noop = async () => undefined;
  return renderToStaticMarkup(
    <I18nContext.Provider value={makeI18n(locale)}>
      <PermissionsContext.Provider value={makePermissions(role ? { name: 'X', role } : null, locale, rolesText)}>
        <DocumentForm doc={DOC} projects={PROJECTS} onSave={noop} onMove={noop} onTrash={noop} onClose={() => undefined} />
      </PermissionsContext.Provider>
    </I18nContext.Provider>,
  );
}

const inputs = (html: string) => [...html.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]);

describe('DocumentForm', () => {
  it('a reviewer reads the details: read-only fields, no Save, who may change them', () => {
    const html = render('reviewer');
    expect(inputs(html)).toHaveLength(3);
    for (const input of inputs(html)) expect(input).toMatch(/\breadOnly=""/);
    expect(html).toMatch(/<select id="doc-7-variant"[^>]*disabled=""/);
    expect(html).not.toContain('type="submit"');
    expect(html).toContain("Only a lead can change a document&#x27;s details: you can read them.");
    expect(html).toContain('>Close</button>');
    // move and trash stay visible, disabled with the reason
    expect(html).toMatch(/<select id="doc-7-move"[^>]*disabled=""/);
    expect(html).toMatch(/disabled="" title="Only a lead can move documents to the Trash\."/);
    expect(render('reviewer', 'zh-Hant')).toContain('只有組長可以修改文件資料：你可以閱讀這些資料。');
  });

  it.each(['lead', 'admin', null] as const)('%s edits them: fields that take input, and Save', (role) => {
    const html = render(role);
    for (const input of inputs(html)) expect(input).not.toMatch(/readOnly/i);
    expect(html).toContain('type="submit"');
    expect(html).not.toContain('document-form-read-only');
    expect(html).not.toMatch(/<select id="doc-7-variant"[^>]*disabled/);
  });
});
