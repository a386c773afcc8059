/**
 * `on(db, query)`: a db/queries function with its database bound, as a store method. The
 * parameter names and types stay the query's, so a store part lists what it offers in one
 * line per method.
 */
import type { Db } from '../../db/connection';

export const on =
  <A extends unknown[], R>(db: Db, query: (db: Db, ...args: A) => R) =>
  (...args: A): R =>
    query(db, ...args);
