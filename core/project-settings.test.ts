import { describe, expect, it } from 'vitest';
import * as changeq from '../db/queries/changes';
import { dispatch } from '../shared/contract/dispatch';
import { toChangeEvent } from './change-log';
import { getConverter } from '../shared/text/convert';
import { isJiaoduiError } from '../shared/errors';
import type { ProjectSettings, ProjectSettingsResult, StoredFinding } from '../shared/domain/schemas';
import { useFreshService } from './test-helpers';

const fresh = useFreshService();

/** Through the contract (argument and result validation), as every transport does. */
function call<T>(method: string, args: unknown): T {
  return dispatch(fresh.service, method, args, { checkResults: true }) as T;
}

const convert = (text: string) => getConverter('s2tw').convert(getConverter('t2s').convert(text));
// a Taiwan writer's text with the Ministry's 占 and 拚, as a converter hands it over: 佔 and 拼 throughout
const RELEASE = '電動機車廠今天公布上月營收新台幣18.6億元，年增9%，換電站營收占比升至三成。\n\n總經理說，下半年拚海外市場，電池業務占營收約15%，台北與高雄門市同步擴點。\n';
// a writer's own text that keeps 佔 (台, 裡 where a converter writes 臺, 裏)
const WRITER_PRESS = '這裡的自行車廠今天公布營收新台幣32億元，年增6%，電動車款佔比升至四成。\n\n台中新廠明年量產，外銷佔營收約七成。\n';

function importText(text: string, projectName: string, fileName = 'release.txt') {
  return fresh.service.importBytes(new Uint8Array(Buffer.from(text)), { fileName, projectName });
}

function standardCards(documentId: number): [string, string, string][] {
  return call<{ findings: StoredFinding[] }>('listFindings', { documentId })
    .findings.filter((f) => f.rule === 'taiwan-standard')
    .map((f) => [f.text, f.severity, f.messageData?.key ?? '']);
}

describe('project settings: standard forms', () => {
  it('starts unset at version 0, changes with a version, and logs the change', () => {
    const { documentId } = importText(convert(RELEASE), 'Scooters');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    expect(call<ProjectSettings>('getProjectSettings', { projectId })).toMatchObject({ projectId, standardForms: 'unset', version: 0, updatedAt: null });
    const seq = changeq.changesAfter(fresh.service.db, 0, 10_000).at(-1)!.seq;
    const r = call<ProjectSettingsResult>('updateProjectSettings', { projectId, standardForms: 'press', version: 0 });
    expect(r).toMatchObject({ standardForms: 'press', version: 1, updatedBy: expect.any(String) });
    const logged = changeq.changesAfter(fresh.service.db, seq, 10_000).map(toChangeEvent);
    expect(logged[0].ids.projects).toEqual([projectId]);
    expect(call<ProjectSettings>('getProjectSettings', { projectId })).toMatchObject({ standardForms: 'press', version: 1 });
  });

  it('refuses a change based on a version someone has since changed, and saves nothing', () => {
    const { documentId } = importText(convert(RELEASE), 'Scooters');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    call('updateProjectSettings', { projectId, standardForms: 'press', version: 0 });
    let err: unknown;
    try {
      call('updateProjectSettings', { projectId, standardForms: 'ministry', version: 0 });
    } catch (e) {
      err = e;
    }
    expect(isJiaoduiError(err) && err.code).toBe('edit-conflict');
    expect(String((err as Error).message)).toMatch(/changed by .* to "press" since you read them/);
    expect(call<ProjectSettings>('getProjectSettings', { projectId })).toMatchObject({ standardForms: 'press', version: 1 });
    // asking for what is stored loses nothing: no conflict, no new version
    expect(call<ProjectSettingsResult>('updateProjectSettings', { projectId, standardForms: 'press', version: 0 })).toMatchObject({ version: 1, rechecked: [] });
    // the version read last is accepted; a script without one, last writer wins
    expect(call<ProjectSettingsResult>('updateProjectSettings', { projectId, standardForms: 'ministry', version: 1 }).version).toBe(2);
    expect(call<ProjectSettingsResult>('updateProjectSettings', { projectId, standardForms: 'unset' }).version).toBe(3);
  });

  it('refuses a value it does not know and a project that does not exist', () => {
    const { documentId } = importText(convert(RELEASE), 'Scooters');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    expect(() => call('updateProjectSettings', { projectId, standardForms: 'moe' })).toThrow(/standard forms must be one of unset, ministry, press/);
    expect(() => call('updateProjectSettings', { projectId: 9999, standardForms: 'press' })).toThrow(/9999/);
  });

  it('re-runs the checks of checked documents: information unset, a warning with the standard forms, nothing with the press’s', () => {
    const { documentId } = importText(convert(RELEASE), 'Scooters');
    const projectId = fresh.service.getDocument({ documentId }).projectId;
    call('runChecks', { documentId });
    const mine = (cards: [string, string, string][]) => cards.filter(([t]) => t === '佔' || t === '拼');
    expect(mine(standardCards(documentId))).toEqual([
      ['佔', 'info', 'taiwan-standard.house'],
      ['拼', 'info', 'taiwan-standard.house'],
    ]);
    const r = call<ProjectSettingsResult>('updateProjectSettings', { projectId, standardForms: 'ministry', version: 0 });
    expect(r.rechecked).toEqual([documentId]);
    expect(mine(standardCards(documentId))).toEqual([
      ['佔', 'warning', 'taiwan-standard.converted'],
      ['拼', 'warning', 'taiwan-standard.converted'],
    ]);
    call('updateProjectSettings', { projectId, standardForms: 'press', version: 1 });
    expect(mine(standardCards(documentId))).toEqual([]);
    // 公佈 is no house style's: a warning whatever the setting
    expect(standardCards(documentId).map(([t, s]) => [t, s])).toEqual([['公佈', 'warning']]);
  });

  it('unset: a writer’s document of the project that keeps 佔 makes it the house style', () => {
    const { documentId } = importText(convert(RELEASE), 'Bikes');
    call('runChecks', { documentId });
    expect(standardCards(documentId).some(([t]) => t === '佔')).toBe(true);
    importText(WRITER_PRESS, 'Bikes', 'writer.txt');
    call('runChecks', { documentId });
    expect(standardCards(documentId).some(([t]) => t === '佔')).toBe(false);
    // its 拚 is no evidence either way (it writes neither): still information
    expect(standardCards(documentId).filter(([t]) => t === '拼')).toEqual([['拼', 'info', 'taiwan-standard.house']]);
  });
});
