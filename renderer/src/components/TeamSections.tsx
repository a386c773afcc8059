/**
 * The library's sections per backend (issue 19, step 5): a heading over the backend the window
 * works on (this computer, or a team server with the account signed in there and Disconnect),
 * then a section for each other backend — this computer, each connected team server — listing
 * its projects and documents; opening one switches the app to that backend. Last, "Connect to a
 * team server…".
 */
import { useMemo } from 'react';
import type { BackendId, ConnectionInfo } from '../../../shared/contract/remote';
import { useBackend } from '../state/backend';
import { otherSections, serverName } from '../state/team-sections';
import { useSectionLibrary } from '../state/useSectionLibrary';
import { useTeamI18n } from '../i18n-team';
import { errorMessage } from '../lib/format';

function SectionHeading({ connection, working, onDisconnect }: { connection: ConnectionInfo | null; working: boolean; onDisconnect?: () => void }) {
  const { tm } = useTeamI18n();
  const server = connection ? serverName(connection.origin) : '';
  return (
    <div className="backend-head">
      <h3 className="backend-name" title={connection?.origin}>
        {connection ? tm('team.section.server', { server }) : tm('team.section.local')}
      </h3>
      {connection?.account && <span className="backend-meta">{tm('team.section.as', { name: connection.account.name, role: connection.account.role })}</span>}
      {working && <span className="backend-meta">{tm('team.section.working')}</span>}
      {connection && onDisconnect && (
        <button type="button" className="btn btn-small" aria-label={tm('team.disconnectLabel', { server })} onClick={onDisconnect} data-testid={`disconnect-${connection.id}`}>
          {tm('team.disconnect')}
        </button>
      )}
    </div>
  );
}

/** Above the working backend's own library (rendered by the Sidebar). */
interface DisconnectProps {
  onDisconnect: (c: ConnectionInfo) => Promise<void>;
  notify: (message: string) => void;
  onError: (e: unknown) => void;
}

/** Disconnect, then say so. */
function useDisconnect({ onDisconnect, notify, onError }: DisconnectProps): (c: ConnectionInfo) => void {
  const { tm } = useTeamI18n();
  return (c) => void onDisconnect(c).then(() => notify(tm('team.disconnected', { server: serverName(c.origin) })), onError);
}

export function ActiveBackendHeading(props: DisconnectProps) {
  const backends = useBackend();
  const disconnect = useDisconnect(props);
  if (!backends) return null;
  const { active, connections } = backends;
  // on this machine with no team server: the library is as it always was
  if (active === 'local' && !connections?.length) return null;
  const connection = connections?.find((c) => c.id === active) ?? null;
  return (
    <div className={`backend-section is-working${connection ? ' is-team' : ''}`} data-testid={`backend-heading-${active}`}>
      <SectionHeading connection={connection} working onDisconnect={connection ? () => disconnect(connection) : undefined} />
    </div>
  );
}

function OtherSection({ backend, connection, onDisconnect }: { backend: BackendId; connection: ConnectionInfo | null; onDisconnect: (c: ConnectionInfo) => void }) {
  const { tm, locale } = useTeamI18n();
  const backends = useBackend()!;
  // followed live on that backend's feed: an import or a rename there shows without a reload
  const follow = useMemo(() => backends.followFor(backend), [backends, backend]);
  const { library } = useSectionLibrary(backends.clientFor(backend), follow);
  return (
    <section className={`backend-section${connection ? ' is-team' : ''}`} aria-label={connection ? tm('team.section.server', { server: serverName(connection.origin) }) : tm('team.section.local')} data-testid={`backend-${backend}`}>
      <SectionHeading connection={connection} working={false} onDisconnect={connection ? () => onDisconnect(connection) : undefined} />
      {library.state === 'loading' && <p className="empty-note">{tm('team.section.loading')}</p>}
      {library.state === 'error' && <p className="empty-note form-error">{tm('team.section.error', { message: errorMessage(library.error, locale) })}</p>}
      {library.state === 'ok' && library.projects.length === 0 && <p className="empty-note">{tm('team.section.empty')}</p>}
      {library.state === 'ok' &&
        library.projects.map((p) => (
          <div key={p.id} className="project">
            <div className="project-head">
              <h4 className="project-name">{p.name}</h4>
              <span className="project-count">{p.documentCount === 1 ? tm('team.section.document1') : tm('team.section.documents', { count: p.documentCount })}</span>
            </div>
            <ul className="doc-list">
              {library.documents
                .filter((d) => d.projectId === p.id)
                .map((d) => (
                  <li key={d.id} className="doc-item" data-testid={`backend-doc-${backend}-${d.id}`}>
                    <div className="doc-line">
                      <button type="button" className="doc-open" onClick={() => backends.open(backend, d.id)} title={d.title}>
                        <span className="doc-title" lang="zh-Hant">
                          {d.title}
                        </span>
                        <span className="doc-meta">{d.source || d.fileName || '\u00a0'}</span>
                      </button>
                    </div>
                  </li>
                ))}
            </ul>
          </div>
        ))}
    </section>
  );
}

/** After the working backend's library: the other backends, and the way to connect another. */
export function OtherBackendSections({ onConnect, ...props }: DisconnectProps & { onConnect: () => void }) {
  const { tm } = useTeamI18n();
  const backends = useBackend();
  const onDisconnect = useDisconnect(props);
  if (!backends) return null;
  const sections = otherSections(backends.active, backends.connections ?? []);
  // this machine alone, working on it: nothing to add but the way to connect
  const shown = backends.active === 'local' && !backends.connections?.length ? [] : sections;
  return (
    <>
      {shown.map((s) => (
        <OtherSection key={s.backend} backend={s.backend} connection={s.connection} onDisconnect={onDisconnect} />
      ))}
      <button type="button" className="btn btn-small connect-team" onClick={onConnect} data-testid="connect-team">
        {tm('team.connectButton')}
      </button>
    </>
  );
}
