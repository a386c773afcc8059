/**
 * Browser mode's sign-in gate. At load it exchanges the address's `#token=…` for the session
 * cookie (or, without one, asks whether the cookie is still a live session); the app shows
 * only with a session. Without one — a stale or missing token, a restarted server — or when
 * any call or the feed answers 401 later, one full screen says the session ended and how to
 * reopen it, never an empty library. An app already open stays mounted behind it (hidden and
 * inert), so its editor keeps what was typed; useReview also keeps that text in local storage
 * (state/session.ts). Signing in again here (the printed address pasted) or "Check again"
 * (the address opened in another tab) brings the same page back.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { checkSession, signIn, takeTokenFromAddress, type SessionAnswer } from '../api';
import { translateSession, type SessionMessageKey } from '../i18n-session';
import type { Params } from '../i18n-catalog';
import { KEPT_DRAFT_KEY, LOCALE_KEY, onSessionEnded, originOf, parseKeptDraft, sessionLocale, sessionResumed, tokenFromText } from '../state/session';

type State = 'checking' | 'ok' | 'ended';

/** Why the screen shows, beyond "no session": a stale address was tried, or the server could not be reached. */
type Problem = { kind: 'stale' } | { kind: 'unreachable'; message: string } | null;

export function SessionGate({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [state, setState] = useState<State>(enabled ? 'checking' : 'ok');
  // once the app has been shown it stays mounted (hidden while the session is out), keeping its editor
  const [shown, setShown] = useState(!enabled);
  const shownRef = useRef(shown);
  const [problem, setProblem] = useState<Problem>(null);

  const resumed = useCallback(() => {
    sessionResumed();
    // an app still mounted holds the kept edit in its editor: nothing to bring back at the next load
    // (an app mounted now, for the first time, restores it itself)
    if (shownRef.current) localStorage.removeItem(KEPT_DRAFT_KEY);
    shownRef.current = true;
    setProblem(null);
    setShown(true);
    setState('ok');
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    // the address's token (at load, or pasted into the address bar of this page later: only the fragment changes)
    const enter = (token: string | null) => {
      (token ? signIn(token) : checkSession()).then(
        (answer) => {
          if (!live) return;
          if (answer === 'ok') return resumed();
          setProblem(token ? { kind: 'stale' } : null);
          setState('ended');
        },
        (e: unknown) => {
          if (!live) return;
          setProblem({ kind: 'unreachable', message: e instanceof Error ? e.message : String(e) });
          setState('ended');
        },
      );
    };
    enter(takeTokenFromAddress());
    const onHash = () => {
      const token = takeTokenFromAddress();
      if (token) enter(token);
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      live = false;
      window.removeEventListener('hashchange', onHash);
    };
  }, [enabled, resumed]);

  useEffect(() => (enabled ? onSessionEnded(() => setState('ended')) : undefined), [enabled]);

  if (state === 'checking') return null;
  return (
    <>
      {shown && (
        <div className="session-app" hidden={state === 'ended'} inert={state === 'ended'}>
          {children}
        </div>
      )}
      {state === 'ended' && <SessionScreen problem={problem} appOpen={shown} onSignedIn={resumed} />}
    </>
  );
}

/** `appOpen`: the app is still mounted behind the screen (its editor holds the kept edit too). */
export function SessionScreen({ problem, appOpen, onSignedIn }: { problem: Problem; appOpen: boolean; onSignedIn: () => void }) {
  const locale = sessionLocale(localStorage.getItem(LOCALE_KEY), navigator.language);
  const s = (key: SessionMessageKey, params?: Params) => translateSession(locale, key, params);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const shownMessage = message ?? (problem === null ? null : problem.kind === 'stale' ? s('session.stale') : s('session.unreachable', { message: problem.message }));
  const kept = parseKeptDraft(localStorage.getItem(KEPT_DRAFT_KEY));
  const origin = window.location.origin;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translateSession(locale, 'session.title');
  }, [locale]);

  const attempt = (call: () => Promise<SessionAnswer>, whenEnded: SessionMessageKey) => {
    setBusy(true);
    setMessage(null);
    call().then(
      (answer) => {
        setBusy(false);
        if (answer === 'ok') onSignedIn();
        else setMessage(s(whenEnded));
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
    if (!token) return setMessage(s('session.badAddress'));
    const other = originOf(address);
    if (other !== null && other !== origin) return setMessage(s('session.otherServer', { origin: other }));
    attempt(() => signIn(token), 'session.stale');
  };

  return (
    <main className="session-ended" data-testid="session-ended" aria-labelledby="session-title" lang={locale}>
      <div className="session-card">
        <p className="session-brand">Jiaodui 校對</p>
        <h1 id="session-title">{s('session.title')}</h1>
        <p>{s('session.why')}</p>
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
        <p>{withCode(s('session.howStart'), { command: 'npm start', serve: 'jiaodui serve' })}</p>
        <p>{withCode(s('session.howRunning'), { address: `${origin}/#token=…` })}</p>
        <form className="session-form" onSubmit={submit}>
          <label htmlFor="session-address">{s('session.pasteLabel')}</label>
          <div className="session-form-row">
            <input
              id="session-address"
              data-testid="session-address"
              type="text"
              spellCheck={false}
              autoComplete="off"
              placeholder={`${origin}/#token=…`}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
            <button type="submit" className="btn btn-primary" disabled={busy || !address.trim()}>
              {s('session.signIn')}
            </button>
            <button type="button" className="btn" disabled={busy} data-testid="session-check" onClick={() => attempt(checkSession, 'session.stillEnded')}>
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
