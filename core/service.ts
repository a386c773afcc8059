/**
 * The Jiaodui service: the contract's methods, each served by its feature's handler
 * (core/features/), with a handler context built per call from the caller (who calls),
 * the store (core/store/) and the operation engine (core/operations/engine.ts).
 * `service.method(args)` works in-process (tests, first start); transports pass the
 * caller as the second argument through the dispatcher (shared/contract/dispatch.ts).
 */
import type { Db } from '../db/connection';
import type { ArgsOf, MethodName, ResultOf, ReturnOf } from '../shared/contract/api';
import { methodNames } from '../shared/contract/api';
import { DEFAULT_CALLER, type CallerContext } from '../shared/contract/caller';
import type { Settings } from '../shared/domain/schemas';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import { Engine } from './operations/engine';
import { prepareChecks } from '../shared/checks';
import { sqliteStore, type Store } from './store';
import type { HandlerContext } from './features/context';
import { HANDLERS } from './features';
import { ensureSample, importBytes, readSettings } from './features/library';
import { englishAccess, MtController } from './mt';
import { Glosses, glossCachePath } from './glosses';
import { ChangeFeed } from './feed';
import { authorize } from './authorize';
import { PresenceBoard } from './presence';
import { once } from './requests';
import { takesRequestId } from '../shared/contract/request-id';

export { SAMPLE_PROJECT } from './features/library';

export interface ServiceOptions {
  dbPath: string;
  version: string;
  /** Default author name (the OS user) until the reviewer sets one. */
  defaultAuthor: string;
}

/** The contract's methods in-process: the caller is optional, and so are arguments that may be empty. */
export type ServiceApi = {
  [M in MethodName]: {} extends ArgsOf<M> ? (args?: ArgsOf<M>, caller?: CallerContext) => ReturnOf<M> : (args: ArgsOf<M>, caller?: CallerContext) => ReturnOf<M>;
};

// Declaration merging: the constructor installs every contract method from HANDLERS.
export interface JiaoduiService extends ServiceApi {}

export class JiaoduiService {
  readonly engine: Engine;
  readonly store: Store;
  /** The lookups and clock every handler context shares (only the caller and author differ per call). */
  private readonly shared: Omit<HandlerContext, 'caller' | 'author' | 'operation'>;

  constructor(
    /** The connection the store and engine are built on; handlers never see it. Kept for `backup` (an online copy of the whole file) and tests. */
    readonly db: Db,
    private readonly opts: ServiceOptions,
  ) {
    this.store = sqliteStore(db);
    this.engine = new Engine(db, this.store, { warmUp: () => prepareChecks() });
    this.shared = this.sharedContext();
    for (const m of methodNames) {
      const handler = HANDLERS[m] as (ctx: HandlerContext, args: unknown) => unknown;
      // roles are enforced here, from the caller context, before any handler runs (shared/contract/roles.ts)
      const call = (args: unknown, caller?: CallerContext) => {
        authorize(caller ?? DEFAULT_CALLER, m, args ?? {});
        const ctx = this.context(caller);
        // a write with a request id runs once per caller; a repeat gets the first answer (core/requests.ts)
        if (takesRequestId(m)) return once(ctx, m, (args ?? {}) as Record<string, unknown>, () => handler(ctx, args ?? {}));
        return handler(ctx, args ?? {});
      };
      Object.defineProperty(this, m, { value: call, writable: true, configurable: true });
    }
  }

  private sharedContext(): Omit<HandlerContext, 'caller' | 'author' | 'operation'> {
    const { engine, store, opts } = this;
    const service = this;
    return {
      engine,
      store,
      info: { dbPath: opts.dbPath, version: opts.version },
      tx: (fn) => engine.tx(fn),
      touch: (t) => engine.touch(t),
      now: () => engine.now(),
      settings: () => readSettings(store, opts.defaultAuthor),
      get mt() {
        return service.mt;
      },
      get glosses() {
        return service.glosses;
      },
      presence: new PresenceBoard(),
      requireLiveSegment: (id) => {
        const s = store.segment(id);
        if (!s) throw new JiaoduiError('not-found', em('not-found.segment', { id }));
        if (s.retired) throw new JiaoduiError('conflict', em('conflict.segment-retired', { id }));
        return s;
      },
      requireDocument: (id) => {
        const d = store.document(id);
        if (!d) throw new JiaoduiError('not-found', em('not-found.document', { id }));
        return d;
      },
      requireProject: (id) => {
        const p = store.project(id);
        if (!p) throw new JiaoduiError('not-found', em('not-found.project', { id }));
        return p;
      },
    };
  }

  /** The handler context of one call: revisions are signed by the caller's reviewer, else the Settings author. */
  context(caller: CallerContext = DEFAULT_CALLER): HandlerContext {
    const author = () => caller.reviewer ?? this.shared.settings().author;
    return Object.assign(Object.create(this.shared) as HandlerContext, {
      caller,
      author,
      // the caller goes with every write into the change log (core/change-log.ts)
      tx: <T,>(fn: () => T) => this.engine.tx(fn, caller),
      operation: (projectId, kind, label, body, extend) => this.engine.operation(author(), projectId, kind, label, body, extend, caller),
      touch: (t) => this.engine.touch(t),
    } satisfies Pick<HandlerContext, 'caller' | 'author' | 'tx' | 'operation' | 'touch'>);
  }

  getSettings(): Settings {
    return this.shared.settings();
  }

  /** Import raw bytes (the CLI and first-start sample import call this directly). */
  importBytes(bytes: Uint8Array, args: Omit<ArgsOf<'importDocument'>, 'data'>, caller?: CallerContext): ResultOf<'importDocument'> {
    return importBytes(this.context(caller), bytes, args);
  }

  /** First start: import the bundled sample into "Samples", once per database (however many processes start together). */
  ensureSample(sample: Uint8Array | (() => Uint8Array), fileName: string): number | null {
    return ensureSample(this.context(), sample, fileName);
  }

  private changeFeed?: ChangeFeed;
  /** The change feed of this database: what every window follows (core/feed.ts). */
  get feed(): ChangeFeed {
    return (this.changeFeed ??= new ChangeFeed(this.store, this.engine));
  }

  private mtController?: MtController;
  /** Translation jobs and settings; Electron gives it an encrypting key store (electron/secret-policy.ts). */
  get mt(): MtController {
    return (this.mtController ??= new MtController(this.store, () => englishAccess(this.context())));
  }
  private glossDictionary?: Glosses;
  /** CC-CEDICT, cached in a SQLite file beside the database at first use. */
  get glosses(): Glosses {
    return (this.glossDictionary ??= new Glosses(glossCachePath(this.opts.dbPath)));
  }
}
