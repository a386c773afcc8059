/**
 * The API while the app is in the recovery state: only `recoveryStatus` and
 * `recoverDatabase` work, and `whoAmI` (it needs no database: the recovery screen offers the
 * choices to an admin only, components/RecoveryScreen.tsx); every other method answers 'db-corrupt'. After a successful
 * recovery the database is opened and every method goes to the service, so a server or
 * window started in recovery carries on without a restart.
 */
import { DEFAULT_CALLER, type CallerContext } from '../shared/contract/caller';
import { authorize } from './authorize';
import { methodNames, type ArgsOf, type JiaoduiApi, type MethodName } from '../shared/contract/api';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import type { JiaoduiService } from './service';
import { decideAtStartup, recoverDatabase, type RecoveryResult, type RecoveryStatus } from './recovery';

export const RECOVERY_METHODS = ['recoveryStatus', 'recoverDatabase'] as const satisfies readonly MethodName[];

export interface RecoveringOptions {
  dbPath: string;
  nativeBinding?: string;
  /** open the (recovered) database: migrations, sample import… as at a normal start */
  open: () => Promise<JiaoduiService>;
  now?: () => Date;
}

export class RecoveringApi {
  private service: JiaoduiService | null = null;
  private status: RecoveryStatus;

  private constructor(
    private readonly opts: RecoveringOptions,
    status: RecoveryStatus,
  ) {
    this.status = status;
  }

  /** Diagnose the database; open it when it is fine, else stay in the recovery state. */
  static async start(opts: RecoveringOptions): Promise<RecoveringApi> {
    const decision = decideAtStartup(opts.dbPath, { nativeBinding: opts.nativeBinding });
    if (decision.action === 'recover') return new RecoveringApi(opts, decision.status);
    const host = new RecoveringApi(opts, { state: 'ok', dbPath: opts.dbPath, problem: null, backups: [] });
    host.service = await opts.open();
    return host;
  }

  get current(): JiaoduiService | null {
    return this.service;
  }

  get recovering(): boolean {
    return this.service === null;
  }

  recoveryStatus(): RecoveryStatus {
    return this.service ? this.service.recoveryStatus() : this.status;
  }

  private inFlight = false;

  async recoverDatabase(args: ArgsOf<'recoverDatabase'>): Promise<RecoveryResult> {
    if (this.service) return this.service.recoverDatabase(args);
    // A second click while the first choice is being carried out must not move the recovered copy aside.
    if (this.inFlight) throw new JiaoduiError('conflict', em('conflict.recovery-running'));
    this.inFlight = true;
    try {
      const result = await recoverDatabase(this.opts.dbPath, args, { nativeBinding: this.opts.nativeBinding, now: this.opts.now?.() });
      this.service = await this.opts.open();
      return result;
    } finally {
      this.inFlight = false;
    }
  }

  private facade: JiaoduiApi | null = null;

  /** The JiaoduiApi every transport dispatches to (one object, made once). */
  api(): JiaoduiApi {
    if (this.facade) return this.facade;
    const api: Record<string, (args: unknown, caller?: CallerContext) => unknown> = {};
    for (const m of methodNames) {
      api[m] = (args: unknown, caller?: CallerContext) => {
        // the recovery methods answer here, not through the service: check the caller's role here too
        if (m === 'recoveryStatus' || m === 'recoverDatabase' || m === 'whoAmI') authorize(caller ?? DEFAULT_CALLER, m, args);
        if (m === 'recoveryStatus') return this.recoveryStatus();
        if (m === 'whoAmI' && !this.service) {
          const account = (caller ?? DEFAULT_CALLER).account;
          return { account: account ? { name: account.name, role: account.role } : null };
        }
        if (m === 'recoverDatabase') return this.recoverDatabase(args as ArgsOf<'recoverDatabase'>);
        if (!this.service) throw new JiaoduiError('db-corrupt', em('db.corrupt.recovery', { file: this.opts.dbPath, problem: this.status.problem ?? '' }));
        return (this.service[m] as (a: unknown, c?: CallerContext) => unknown).call(this.service, args, caller);
      };
    }
    return (this.facade = api as JiaoduiApi);
  }
}
