/** Project bundles' part of the store (issue 19, `jiaodui push`/`pull`): a project's rows in one read, and the inserts that store a bundle (core/bundle.ts). */
import type { Db } from '../../db/connection';
import * as bq from '../../db/queries/bundle';
import { on } from './bind';

export type { ProjectRows, StoredBundleRow } from '../../db/queries/bundle';

export function bundleStore(db: Db) {
  return {
    /** Every row of a project for its bundle (ids included; call inside `readSnapshot` for one snapshot). */
    projectRows: on(db, bq.projectRows),
    addProjectRow: on(db, bq.insertProjectRow),
    addProjectSettingsRow: on(db, bq.insertProjectSettingsRow),
    addBundleRow: on(db, bq.insertBundleRow),
    setBundleReference: on(db, bq.setBundleReference),
    labelIdByName: on(db, bq.labelIdByName),
    addBundleLabel: on(db, bq.insertBundleLabel),
    setCheckRun: on(db, bq.setCheckRun),
  };
}
