/**
 * The feature handler tables, assembled into the one table the service serves. The type
 * checks below fail the build when a contract method has no handler, when a handler names
 * no contract method, or when two features handle the same method; features.test.ts checks
 * the same on the runtime tables. Adding a method: its schema in shared/contract/api.ts (and
 * its name in methods.ts), its handler in its feature's table — nothing else.
 */
import type { MethodName } from '../../shared/contract/api';
import type { AllHandlers } from './handler';
import { libraryHandlers, recoveryHandlers } from './library';
import { segmentHandlers } from './segments';
import { findingHandlers } from './findings';
import { searchHandlers } from './search';
import { annotationHandlers } from './annotations';
import { glossaryHandlers } from './glossary';
import { claimHandlers } from './claims';
import { parallelHandlers } from './parallel';
import { mtHandlers } from './mt';
import { exportHandlers } from './export';
import { accountHandlers } from './accounts';
import { bundleHandlers } from './bundle';

export const FEATURES = {
  library: libraryHandlers,
  recovery: recoveryHandlers,
  segments: segmentHandlers,
  findings: findingHandlers,
  search: searchHandlers,
  annotations: annotationHandlers,
  glossary: glossaryHandlers,
  claims: claimHandlers,
  parallel: parallelHandlers,
  mt: mtHandlers,
  export: exportHandlers,
  accounts: accountHandlers,
  bundle: bundleHandlers,
} as const;

type Features = typeof FEATURES;
type Feature = keyof Features;
type HandledBy<F extends Feature> = keyof Features[F];
/** Methods two features both handle (never, or the build fails below). */
type Duplicates = { [F in Feature]: HandledBy<F> & { [G in Exclude<Feature, F>]: HandledBy<G> }[Exclude<Feature, F>] }[Feature];
type Handled = { [F in Feature]: HandledBy<F> }[Feature];
type Missing = Exclude<MethodName, Handled>;
type Unknown = Exclude<Handled, MethodName>;
/** Resolves to `true` only when the tables cover the contract exactly once; the errors name the offenders. */
type ExactlyOnce = [Duplicates, Missing, Unknown] extends [never, never, never] ? true : { duplicates: Duplicates; missing: Missing; unknown: Unknown };
const exactlyOnce: ExactlyOnce = true;
void exactlyOnce;

/**
 * The one table the service serves, merged from FEATURES. Each feature's handlers are typed
 * by `satisfies HandlerTable` in its module and `ExactlyOnce` above proves the merge covers
 * every method once, which is what the cast states.
 */
export const HANDLERS = Object.freeze(Object.assign({}, ...Object.values(FEATURES))) as AllHandlers;
