/** Dismissible messages: errors stay until dismissed, notices fade after a while. */
import { useCallback, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../lib/format';
import type { Locale } from '../i18n';

export type ToastKind = 'error' | 'info';
/** A notice's one action (e.g. Restore); `keys` is its shortcut, shown beside it. */
export interface ToastAction {
  label: string;
  keys?: string;
  run: () => void;
}
export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action?: ToastAction;
}

export interface Toasts {
  toasts: Toast[];
  /** A notice (returns its id); one with an action stays longer (10 s) and goes when its action runs. */
  notify: (message: string, action?: ToastAction) => number;
  fail: (e: unknown) => void;
  /** An error's message in the UI language (what `fail` shows), for a status line or a dialog. */
  describe: (e: unknown) => string;
  dismiss: (id: number) => void;
}

export function useToasts(locale: Locale): Toasts {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (kind: ToastKind, message: string, action?: ToastAction) => {
      const id = next.current++;
      const act = action && { ...action, run: () => (dismiss(id), action.run()) };
      // one notice with an action at a time: a newer one replaces it (its action is the one that still applies)
      setToasts((ts) => [...ts.filter((t) => t.message !== message && !(act && t.action)).slice(-4), { id, kind, message, ...(act ? { action: act } : {}) }]);
      if (kind === 'info') setTimeout(() => dismiss(id), action ? 10000 : 4000);
      return id;
    },
    [dismiss],
  );
  const notify = useCallback((m: string, action?: ToastAction) => push('info', m, action), [push]);
  const describe = useCallback((e: unknown) => errorMessage(e, locale), [locale]);
  const fail = useCallback((e: unknown) => void push('error', describe(e)), [push, describe]);
  return useMemo(() => ({ toasts, notify, fail, describe, dismiss }), [toasts, notify, fail, describe, dismiss]);
}
