/** How a finding's English message is stored (findings.message). Nothing of the connection here: migration 018 uses it. */
import { formatFindingMessage, parseFindingMessage } from '../shared/finding-messages';

/**
 * The English message is not stored where the row's message data words it exactly (the
 * message column holds '' then): it is that data through the English templates
 * (shared/finding-messages.ts), as every reader words it. A document-wide group repeats one
 * long message on each of its rows (~18,000 on the 1 MB bench text): leaving it out writes
 * ~3.4 MB less there, about a tenth of the write's time. Rows whose data does not word their message (before
 * migration 010, an unknown key) keep it. `wording` remembers the last data it worded: a
 * group's rows, written and read together, share theirs.
 */
export function messageWording(): { stored(message: string, messageData: string | null | undefined): string; read(message: string, messageData: string | null): string } {
  let lastData: string | null = null;
  let lastMessage: string | null = null;
  const worded = (messageData: string): string | null => {
    if (messageData !== lastData) {
      let message: string | null = null;
      try {
        const ref = parseFindingMessage(messageData);
        message = ref ? formatFindingMessage(ref) : null;
      } catch {
        // data no template words (a row from elsewhere): its English is kept, and read as stored
        message = null;
      }
      lastData = messageData;
      lastMessage = message;
    }
    return lastMessage;
  };
  return {
    stored: (message, messageData) => (messageData && message !== '' && worded(messageData) === message ? '' : message),
    read: (message, messageData) => (message === '' && messageData ? (worded(messageData) ?? '') : message),
  };
}
