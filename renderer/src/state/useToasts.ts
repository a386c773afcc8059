/** Dismissible messages: errors stay until dismissed, notices fade after a while. */
import { useCallback, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../lib/format';
import type { Locale } from '../i18n';

export type ToastKind = 'error' | 'info';
export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

export interface Toasts {
  toasts: Toast[];
  notify: (message: string) => void;
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
    (kind: ToastKind, message: string) => {
      const id = next.current++;
      setToasts((ts) => [...ts.filter((t) => t.message !== message).slice(-4), { id, kind, message }]);
      if (kind === 'info') setTimeout(() => dismiss(id), 4000);
    },
    [dismiss],
  );
  const notify = useCallback((m: string) => push('info', m), [push]);
  const describe = useCallback((e: unknown) => errorMessage(e, locale), [locale]);
  const fail = useCallback((e: unknown) => push('error', describe(e)), [push, describe]);
  return useMemo(() => ({ toasts, notify, fail, describe, dismiss }), [toasts, notify, fail, describe, dismiss]);
}
