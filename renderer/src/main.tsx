import { StrictMode } from 'react';
import { createQueryClient, QueryClientProvider } from './state/queries';
import { createRoot } from 'react-dom/client';
import { createClient, getShell } from './api';
import { ClientContext } from './state/client';
import { App } from './App';
import { RecoveryGate } from './components/RecoveryGate';
import { SessionGate } from './components/SessionGate';
import { BackendRoot } from './components/BackendRoot';
import { startPointerTracking } from './state/pointer';
import './styles/base.css';
import './styles/layout.css';
import './styles/grid.css';
import './styles/panels.css';
import './styles/dialogs.css';
import './styles/findings.css';
import './styles/claims.css';
import './styles/glossary.css';
import './styles/recovery.css';
import './styles/session.css';
import './styles/team.css';

// before the first render: handlers whose code loads later learn where the pointer rests (state/pointer.ts)
startPointerTracking();
const { client, transport } = createClient();
const env = { client, transport, shell: getShell() };
const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ClientContext.Provider value={env}>
        <SessionGate enabled={transport === 'http'}>
          <RecoveryGate>
            <BackendRoot>
              <App />
            </BackendRoot>
          </RecoveryGate>
        </SessionGate>
      </ClientContext.Provider>
    </QueryClientProvider>
  </StrictMode>,
);
