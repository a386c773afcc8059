/**
 * The team connection views (issue 19, step 5) as one lazily loaded component, so the first
 * screen carries one loader for them all (lazy.tsx): the connect dialog, the library's heading
 * and other sections, the banner of an unreachable or signed-out server.
 */
import type { ComponentProps } from 'react';
import { ConnectDialog } from './ConnectDialog';
import { ActiveBackendHeading, OtherBackendSections } from './TeamSections';
import { TeamBanner } from './TeamBanner';

export type TeamViewProps =
  | ({ view: 'connect' } & ComponentProps<typeof ConnectDialog>)
  | ({ view: 'heading' } & ComponentProps<typeof ActiveBackendHeading>)
  | ({ view: 'sections' } & ComponentProps<typeof OtherBackendSections>)
  | ({ view: 'banner' } & ComponentProps<typeof TeamBanner>);

export function TeamView(props: TeamViewProps) {
  switch (props.view) {
    case 'connect':
      return <ConnectDialog {...props} />;
    case 'heading':
      return <ActiveBackendHeading {...props} />;
    case 'sections':
      return <OtherBackendSections {...props} />;
    case 'banner':
      return <TeamBanner {...props} />;
  }
}
