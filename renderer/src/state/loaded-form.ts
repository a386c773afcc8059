/**
 * A settings form whose stored values arrive after it opens: what the reviewer has already typed
 * wins over the values that arrive, field by field, so an early keystroke is never overwritten
 * (the machine-translation dialog; an e2e run once lost its typed address this way).
 */
export function mergeLoaded<F extends Record<string, string>>(loaded: F, current: F, touched: ReadonlySet<keyof F>): F {
  const out = { ...loaded };
  for (const k of touched) out[k] = current[k];
  return out;
}
