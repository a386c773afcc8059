/**
 * Browser mode's sign-in gate. At load it exchanges the address's `#token=…` for the session
 * cookie (or, without one, asks whether the cookie is still a live session); the app shows
 * only with a session. Without one — a stale or missing token, a restarted server — or when
 * any call or the feed answers 401 later, one full screen says the session ended and how to
 * reopen it, never an empty library. An app already open stays mounted behind it (hidden and
 * inert), so its editor keeps what was typed; useReview also keeps that text in local storage
 * (state/session.ts). Signing in again here (the printed address pasted) or "Check again"
 * (the address opened in another tab) brings the same page back, as does a new address pasted
 * into the address bar (`#token=` in browser mode, a team server's `#signin=`).
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { checkSession, signIn, takeTokenFromAddress, teamSignInFromAddress, teamSignInProblem } from '../api';
import { SessionScreen } from '../lazy';
import { ACTIVE_BACKEND_KEY, backendKey, initialBackend } from '../state/team';
import { KEPT_DRAFT_KEY, onSessionEnded, sessionResumed, type SessionProblem } from '../state/session';

type State = 'checking' | 'ok' | 'ended';

export function SessionGate({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [state, setState] = useState<State>(enabled ? 'checking' : 'ok');
  // once the app has been shown it stays mounted (hidden while the session is out), keeping its editor
  const [shown, setShown] = useState(!enabled);
  const shownRef = useRef(shown);
  const [problem, setProblem] = useState<SessionProblem>(null);

  const resumed = useCallback(() => {
    sessionResumed();
    // an app still mounted holds the kept edit in its editor: nothing to bring back at the next load
    // (an app mounted now, for the first time, restores it itself)
    if (shownRef.current) localStorage.removeItem(backendKey(KEPT_DRAFT_KEY, initialBackend(localStorage.getItem(ACTIVE_BACKEND_KEY), null)));
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
        async (answer) => {
          if (!live) return;
          if (answer === 'ok') return resumed();
          // why: the address's token refused, else a team server's sign-in address refused (api.ts), else just no session
          const problem: SessionProblem = answer !== 'ended' ? { kind: 'refused', refusal: answer, team: false } : await teamSignInProblem();
          if (!live) return;
          setProblem(problem);
          setState('ended');
        },
        (e: unknown) => {
          if (!live) return;
          setProblem({ kind: 'unreachable', message: e instanceof Error ? e.message : String(e), team: false });
          setState('ended');
        },
      );
    };
    enter(takeTokenFromAddress());
    const onHash = () => {
      const token = takeTokenFromAddress();
      if (token) return enter(token);
      // a team server's sign-in address pasted into this page's address bar (a new one from an admin)
      void teamSignInFromAddress()?.then((refused) => {
        if (!live) return;
        if (!refused) return resumed();
        setProblem(refused);
        setState('ended');
      });
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
