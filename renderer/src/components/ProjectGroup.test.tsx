/**
 * A project heading's delete button: only while the project shows no document; disabled, saying
 * why, while documents of it are in the Trash or the account may not delete projects.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Project } from '../../../shared/domain/schemas';
import type { Role } from '../../../shared/contract/roles';
import * as rolesText from '../i18n-roles';
import { I18nContext, makeI18n } from '../i18n';
import { makePermissions, PermissionsContext } from '../state/usePermissions';
import { ProjectGroup } from './ProjectGroup';

function deleteButton(o: { documents?: number; trashed?: number; role?: Role | null; locale?: 'en' | 'zh-Hant' } = {}): string | null {
  const locale = o.locale ?? 'en';
  const project = { id: 4, name: 'Earnings calls', documentCount: o.documents ?? 0, createdAt: '2026-12-04T00:00:00Z' } as Project;
  const html = renderToStaticMarkup(
    <I18nContext.Provider value={makeI18n(locale)}>
      <PermissionsContext.Provider value={makePermissions(o.role ? { name: 'X', role: o.role } : null, locale, rolesText)}>
        <ProjectGroup project={project} documents={[]} onRename={async () => undefined} onDelete={() => undefined} trashed={o.trashed ?? 0} renderDocument={() => null} />
      </PermissionsContext.Provider>
    </I18nContext.Provider>,
  );
  return /<button[^>]*data-testid="project-delete-4"[^>]*>/.exec(html)?.[0] ?? null;
}

describe('ProjectGroup delete button', () => {
  it('is offered on an empty project, and not on one holding documents', () => {
    const button = deleteButton();
    expect(button).toContain('title="Delete project Earnings calls"');
    expect(button).not.toContain('disabled');
    expect(deleteButton({ documents: 1 })).toBeNull();
  });
  it('is disabled, saying why, while documents of the project are in the Trash', () => {
    const button = deleteButton({ trashed: 2 });
    expect(button).toContain('disabled=""');
    expect(button).toContain('Documents of “Earnings calls” are in the Trash (2): restore and move them, or empty the Trash, to delete it.');
    expect(deleteButton({ trashed: 2, locale: 'zh-Hant' })).toContain('「Earnings calls」有 2 份文件在垃圾桶中');
  });
  it("is disabled with the role's reason for a reviewer on a team server", () => {
    const button = deleteButton({ role: 'reviewer' });
    expect(button).toContain('disabled=""');
    expect(button).toContain('Only a lead can delete projects.');
  });
});
