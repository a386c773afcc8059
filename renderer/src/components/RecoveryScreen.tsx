/**
 * Start-up guard: when the backend started on a damaged database (recoveryStatus 'recovery'),
 * show what is wrong and the choices — open a copy of a backup, or start with a new empty
 * database — instead of the app. Everything shown comes from the backend (core/recovery.ts);
 * the damaged file is kept there, renamed. Its own strings: the settings live in the
 * database, so the locale comes from the browser. The choices are an admin's (the service refuses
 * `recoverDatabase` to anyone else): a signed-in reviewer or lead sees the problem and the backups
 * with who may recover, not the buttons (state/permissions.ts, recoveryOffer).
 */
import { useEffect, useState } from 'react';
import type { ResultOf } from '../../../shared/contract/api';
import { useClient } from '../state/client';
import { recoveryOffer, type Account } from '../state/permissions';
import { refusalReason } from '../i18n-roles';
import { errorMessage } from '../lib/format';
import { loadChineseErrors } from '../i18n-errors';

export type Status = ResultOf<'recoveryStatus'>;
type Result = ResultOf<'recoverDatabase'>;

const STRINGS = {
  en: {
    title: 'The database is damaged',
    intro: 'Jiaodui could not use its database. Nothing was changed; whatever you choose, the damaged file is kept (renamed) so nothing is lost.',
    backups: 'Backups',
    none: 'No usable backup was found.',
    open: 'Open a copy of this backup',
    fresh: 'Start with a new empty database',
    unusable: 'cannot be used',
    working: 'Working…',
    done: 'Recovered',
    kept: 'The damaged files were kept as:',
    continue: 'Continue',
    askAdmin: 'Ask a team admin to recover it: on the server, jiaodui recover lists the backups and opens a copy of one. Nothing was changed.',
    kinds: { 'pre-migration': 'before an update', 'before-restore': 'before a restore', backup: 'backup' },
  },
  'zh-Hant': {
    title: '資料庫已損壞',
    intro: '校對無法使用它的資料庫。沒有任何更改；無論您怎麼選擇，損壞的檔案都會保留（改名），不會遺失。',
    backups: '備份',
    none: '找不到可用的備份。',
    open: '開啟這個備份的副本',
    fresh: '以新的空白資料庫開始',
    unusable: '無法使用',
    working: '處理中…',
    done: '已復原',
    kept: '損壞的檔案保留為：',
    continue: '繼續',
    askAdmin: '請團隊管理員復原：在伺服器上，jiaodui recover 會列出備份並開啟其中一個的副本。沒有任何更改。',
    kinds: { 'pre-migration': '更新前', 'before-restore': '還原前', backup: '備份' },
  },
} as const;

function locale(): 'en' | 'zh-Hant' {
  return typeof navigator !== 'undefined' && /^zh/i.test(navigator.language) ? 'zh-Hant' : 'en';
}

export function RecoveryScreen({ status, account = null, onDone }: { status: Status; account?: Account; onDone: () => void }) {
  const { client } = useClient();
  const lang = locale();
  const s = STRINGS[lang];
  // a refusal in Chinese needs the error templates' chunk (i18n-errors-zh.ts)
  useEffect(() => {
    if (lang === 'zh-Hant') void loadChineseErrors();
  }, [lang]);
  const offer = recoveryOffer(account);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const choose = (args: { choice: 'backup'; file: string } | { choice: 'new' }) => {
    setBusy(true);
    setError(null);
    client.recoverDatabase(args).then(setResult, (e: unknown) => setError(errorMessage(e, lang))).finally(() => setBusy(false));
  };
  const usable = status.backups.filter((b) => !b.problem);
  return (
    <main className="recovery" data-testid="recovery-screen" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{result ? s.done : s.title}</h1>
      {result ? (
        <>
          <p data-testid="recovery-result">{result.openedBackup ?? s.fresh}</p>
          {result.evidence.length > 0 && (
            <>
              <p>{s.kept}</p>
              <ul className="recovery-paths">
                {result.evidence.map((f) => (
                  <li key={f}>
                    <code>{f}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="btn btn-primary" data-testid="recovery-continue" onClick={onDone}>
            {s.continue}
          </button>
        </>
      ) : (
        <>
          <p>{s.intro}</p>
          <p className="recovery-problem" data-testid="recovery-problem">
            <code>{status.dbPath}</code>: {status.problem}
          </p>
          {!offer.offered && (
            <p className="recovery-admin-only" role="note" data-testid="recovery-admin-only">
              {refusalReason(lang, account, 'recoverDatabase')} {s.askAdmin}
            </p>
          )}
          <h2>{s.backups}</h2>
          {usable.length === 0 && <p className="muted">{s.none}</p>}
          <ul className="recovery-backups">
            {status.backups.map((b) => (
              <li key={b.file} data-testid="recovery-backup">
                <div>
                  <code>{b.file}</code>
                  <div className="muted">
                    {s.kinds[b.kind]} · {new Date(b.modifiedAt).toLocaleString()} · {(b.bytes / 1024).toFixed(0)} KB
                    {b.problem ? ` · ${s.unusable}: ${b.problem}` : ''}
                  </div>
                </div>
                {!b.problem && offer.offered && (
                  <button type="button" className="btn" disabled={busy} onClick={() => choose({ choice: 'backup', file: b.file })}>
                    {s.open}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {offer.offered && (
            <button type="button" className="btn btn-danger" data-testid="recovery-new" disabled={busy} onClick={() => choose({ choice: 'new' })}>
              {s.fresh}
            </button>
          )}
          {busy && <p aria-live="polite">{s.working}</p>}
          {error && (
            <p role="alert" className="recovery-error">
              {error}
            </p>
          )}
        </>
      )}
    </main>
  );
}
