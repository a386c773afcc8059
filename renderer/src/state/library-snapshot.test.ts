import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Project } from '../../../shared/domain/schemas';
import { libraryToShow, parseLibrarySnapshot, serializeLibrarySnapshot, type LibrarySnapshot } from './library-snapshot';

const project = { id: 3, name: '財報電話會議', documentCount: 1, createdAt: '2026-12-01T00:00:00Z' } as unknown as Project;
const doc = { id: 7, projectId: 3, title: '商湯 2023 業績', progress: { total: 120, unreviewed: 100, edited: 15, approved: 5 } } as unknown as DocumentMeta;
const snap: LibrarySnapshot = { at: '2026-12-03T09:12:00.000Z', projects: [project], documents: [doc] };
const away = { code: 'team-unreachable', message: 'The team server https://review.example.org cannot be reached.' };

describe('the last known library of a team server (library-snapshot.ts)', () => {
  it('reads back what it stored', () => {
    expect(parseLibrarySnapshot(serializeLibrarySnapshot(snap))).toEqual(snap);
  });

  it('ignores a missing, corrupt, other-version or half-valid entry whole', () => {
    expect(parseLibrarySnapshot(null)).toBeNull();
    expect(parseLibrarySnapshot('{not json')).toBeNull();
    expect(parseLibrarySnapshot(JSON.stringify({ ...JSON.parse(serializeLibrarySnapshot(snap)), v: 2 }))).toBeNull();
    expect(parseLibrarySnapshot(JSON.stringify({ v: 1, at: 'yesterday', projects: [], documents: [] }))).toBeNull();
    expect(parseLibrarySnapshot(JSON.stringify({ v: 1, at: snap.at, projects: [project], documents: [doc, { id: 'x' }] }))).toBeNull();
  });

  it('shows the live lists when there are some; the last known ones, marked stale, only while the server is away', () => {
    const live = { projects: [], documents: [], trash: [] };
    expect(libraryToShow(live, away, snap)).toEqual({ lists: live, staleSince: null });
    expect(libraryToShow(undefined, away, snap)).toEqual({ lists: { projects: [project], documents: [doc] }, staleSince: snap.at });
    // another failure (signed out, a refusal) or nothing stored: nothing stands in
    expect(libraryToShow(undefined, { code: 'team-signed-out', message: 'signed out' }, snap)).toEqual({ lists: null, staleSince: null });
    expect(libraryToShow(undefined, away, null)).toEqual({ lists: null, staleSince: null });
    // still loading (no error yet): nothing
    expect(libraryToShow(undefined, null, snap)).toEqual({ lists: null, staleSince: null });
  });
});
