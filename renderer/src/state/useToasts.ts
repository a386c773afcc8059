/** Dismissible messages: errors stay until dismissed, notices fade after a while. */
import { useCallback, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../lib/format';

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
  dismiss: (id: number) => void;
}

export function useToasts(): Toasts {
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
  const fail = useCallback((e: unknown) => push('error', errorMessage(e)), [push]);
  return useMemo(() => ({ toasts, notify, fail, dismiss }), [toasts, notify, fail, dismiss]);
}
