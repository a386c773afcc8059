/**
 * Browser mode's session-ended screen (shown by components/SessionGate.tsx; a chunk of its
 * own, lazy.tsx): the session ended and how to reopen Jiaodui, an unsaved edit kept, and a
 * form to sign in again in place with the printed address; why an address was refused (the
 * server's refusal, keyed: i18n-session.ts `sessionProblemText`). Both UI languages (i18n-session.ts,
 * the errors' Chinese templates), chosen without the settings (state/session.ts `sessionLocale`).
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { checkSession, signIn, type SessionAnswer } from '../api';
import { sessionProblemText, signInRefusalText, translateSession, type SessionMessageKey } from '../i18n-session';
import { errorText, loadChineseErrors } from '../i18n-errors';
import type { Params } from '../i18n-catalog';
import { ACTIVE_BACKEND_KEY, backendKey, initialBackend } from '../state/team';
import { KEPT_DRAFT_KEY, LOCALE_KEY, TEAM_PAGE_KEY, originOf, parseKeptDraft, sessionLocale, tokenFromText, type SessionProblem } from '../state/session';

/** `appOpen`: the app is still mounted behind the screen (its editor holds the kept edit too). */
export function SessionScreen({ problem, appOpen, onSignedIn }: { problem: SessionProblem; appOpen: boolean; onSignedIn: () => void }) {
  const locale = sessionLocale(localStorage.getItem(LOCALE_KEY), navigator.language);
  const s = (key: SessionMessageKey, params?: Params) => translateSession(locale, key, params);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // a refusal's message data worded in Chinese: the templates are a chunk of their own, loaded here when needed
  const [, setErrorsLoaded] = useState(false);
  useEffect(() => {
    if (locale === 'zh-Hant') void loadChineseErrors().then(() => setErrorsLoaded(true));
  }, [locale]);
  const wordError = (e: Error) => errorText(locale, e);
  const shownMessage = message ?? (problem === null ? null : sessionProblemText(locale, problem, wordError));
  // the draft of the backend the window worked on (this computer's, or a team server's: state/team.ts)
  const kept = parseKeptDraft(localStorage.getItem(backendKey(KEPT_DRAFT_KEY, initialBackend(localStorage.getItem(ACTIVE_BACKEND_KEY), null))));
  const origin = window.location.origin;
  // a team server's page (signed in, or refused, with a sign-in address): the way back is a new sign-in address, not a local restart
  const team = localStorage.getItem(TEAM_PAGE_KEY) === '1' || problem?.team === true;
  // a team server's page opened with a sign-in address it refused: not a session that ended
  const refusedHere = problem?.kind === 'refused' && problem.team;
  const title: SessionMessageKey = refusedHere ? 'signin.title' : 'session.title';

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translateSession(locale, title);
  }, [locale, title]);

  const attempt = (call: () => Promise<SessionAnswer>, whenEnded: SessionMessageKey) => {
    setBusy(true);
    setMessage(null);
    call().then(
      (answer) => {
        setBusy(false);
        if (answer === 'ok') onSignedIn();
        else setMessage(answer === 'ended' ? s(whenEnded) : signInRefusalText(locale, answer, team, wordError));
      },
      (e: unknown) => {
        setBusy(false);
        setMessage(s('session.unreachable', { message: e instanceof Error ? e.message : String(e) }));
      },
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const token = tokenFromText(address);
    if (!token) return setMessage(s(team ? 'session.badAddressTeam' : 'session.badAddress'));
    const other = originOf(address);
    if (other !== null && other !== origin) return setMessage(s('session.otherServer', { origin: other }));
    attempt(() => signIn(token), 'session.stale');
  };

  return (
    <main className="session-ended" data-testid="session-ended" aria-labelledby="session-title" lang={locale}>
      <div className="session-card">
        <p className="session-brand">Jiaodui 校對</p>
        <h1 id="session-title">{s(title)}</h1>
        <p>{s(refusedHere ? 'signin.why' : team ? 'session.whyTeam' : 'session.why')}</p>
        {kept && (
          <section className="session-draft" data-testid="session-draft">
            <p>{s(appOpen ? 'session.draftLive' : 'session.draft', { row: kept.row })}</p>
            <label>
              <span>{s('session.draftText', { row: kept.row })}</span>
              <textarea readOnly value={kept.text} rows={Math.min(6, Math.max(2, Math.ceil(kept.text.length / 40)))} />
            </label>
          </section>
        )}
        <h2>{s('session.howTitle')}</h2>
        {team ? (
          <p data-testid="session-how-team">{withCode(s('session.howTeam'), { address: `${origin}/#signin=…` })}</p>
        ) : (
          <>
            <p>{withCode(s('session.howStart'), { command: 'npm start', serve: 'jiaodui serve' })}</p>
            <p>{withCode(s('session.howRunning'), { address: `${origin}/#token=…` })}</p>
          </>
        )}
        <form className="session-form" onSubmit={submit}>
          <label htmlFor="session-address">{s(team ? 'session.pasteLabelTeam' : 'session.pasteLabel')}</label>
          <div className="session-form-row">
            <input
              id="session-address"
              data-testid="session-address"
              type="text"
              spellCheck={false}
              autoComplete="off"
              placeholder={`${origin}/#${team ? 'signin' : 'token'}=…`}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
            <button type="submit" className="btn btn-primary" disabled={busy || !address.trim()}>
              {s('session.signIn')}
            </button>
            <button type="button" className="btn" disabled={busy} data-testid="session-check" onClick={() => attempt(checkSession, team ? 'session.stillEndedTeam' : 'session.stillEnded')}>
              {s('session.checkAgain')}
            </button>
          </div>
        </form>
        {busy && <p aria-live="polite">{s('session.checking')}</p>}
        {shownMessage && (
          <p role="alert" className="session-error" data-testid="session-message">
            {shownMessage}
          </p>
        )}
      </div>
    </main>
  );
}

/** A translated string with its {placeholders} (left unfilled by `s`) shown as code: commands and addresses. */
function withCode(template: string, values: Record<string, string>): ReactNode[] {
  return template.split(/\{(\w+)\}/).map((piece, i) => (i % 2 === 1 ? <code key={i}>{values[piece] ?? piece}</code> : piece));
}
