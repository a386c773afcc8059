import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { statusLabel } from '../../shared/operation-labels';
import { importSample, useFreshService } from '../test-helpers';

const fresh = useFreshService();

describe('the engine warms up before its first write lock', () => {
  it("runs the warm-up once, outside any transaction, before the first operation's lock (not inside it, holding other processes up)", () => {
    const { documentId } = importSample(fresh.service);
    const { projectId } = fresh.service.getDocument({ documentId });
    const db = fresh.service.db;
    const seen: boolean[] = [];
    const engine = new Engine(db, fresh.service.store, { warmUp: () => seen.push(db.inTransaction) });
    const body = () => ({ touched: [] });
    engine.operation('me', projectId, 'status', statusLabel([1], 'approved'), body);
    engine.operation('me', projectId, 'status', statusLabel([1], 'approved'), body);
    expect(seen).toEqual([false]);
  });
});
