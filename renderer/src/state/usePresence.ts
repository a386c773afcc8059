/**
 * Presence (issue 19): this window's heartbeat — which document it shows — every
 * PRESENCE_BEAT_MS and whenever that changes; the answer (who else has which document open)
 * is what the library and the document header show. Best effort: a failed beat keeps the last
 * answer (an unreachable server is reported by the calls that matter).
 */
import { useEffect, useMemo, useState } from 'react';
import { PRESENCE_BEAT_MS } from '../../../shared/contract/presence';
import { useClient } from './client';
import { readersByDocument, type PresenceEntry } from './presence';

/** `self`: the name this window signs with (left out of what it shows; state/presence.ts). */
export function usePresence(documentId: number | null, self: string | null): Map<number, string[]> {
  const { client } = useClient();
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  useEffect(() => {
    let live = true;
    const beat = () =>
      client.presence({ documentId }).then(
        (r) => live && setEntries(r),
        () => undefined,
      );
    void beat();
    const timer = window.setInterval(() => void beat(), PRESENCE_BEAT_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [client, documentId]);
  return useMemo(() => readersByDocument(entries, self), [entries, self]);
}
