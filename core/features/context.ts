/**
 * The handler context: the review host (core/review-host.ts) plus the service's own parts a
 * feature handler may use. Kept apart from the host so that the modules the engine's field
 * appliers import (claims, parallel…) can name the host without reaching the engine.
 * Stored data is reached only through `ctx.store` (core/store/); a handler gets no `Db`.
 */
import type { Settings } from '../../shared/domain/schemas';
import type { Engine } from '../operations/engine';
import type { ReviewHost } from '../review-host';
import type { MtController } from '../mt';
import type { Glosses } from '../glosses';
import type { PresenceBoard } from '../presence';

/** The service's own parts a handler may use beyond the review host. */
export interface HandlerContext extends ReviewHost {
  readonly engine: Engine;
  readonly info: { readonly dbPath: string; readonly version: string };
  settings(): Settings;
  /** Translation jobs and settings (long-lived, one per service). */
  readonly mt: MtController;
  /** The CC-CEDICT dictionary (opened at first use). */
  readonly glosses: Glosses;
  /** Who has which document open (in memory, one per service; core/presence.ts). */
  readonly presence: PresenceBoard;
}
