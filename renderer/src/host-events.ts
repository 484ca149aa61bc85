import type { HostEvent } from '../../shared/api/workstation-api';
import { useDirectory } from './store/directory-store';
import { useQueue } from './store/queue-store';
import { useSession } from './store/session-store';
import { useSync } from './store/sync-store';
import { useTemplates } from './store/templates-store';

/** Routes what the host pushes into the stores. */
export function onHostEvent(event: HostEvent): void {
  const signedIn = useSession.getState().session?.operator != null;
  switch (event.type) {
    case 'session-changed':
      useSession.getState().set(event.session);
      return;
    case 'sync-status': {
      const before = useSync.getState().status?.lastSyncAt;
      useSync.getState().set(event.status);
      // A completed pull may have brought a newer directory or templates; the stores skip unchanged ones.
      if (signedIn && event.status.lastSyncAt !== before) {
        void useDirectory.getState().load();
        void useTemplates.getState().load();
      }
      return;
    }
    case 'requests-changed':
      if (signedIn) useQueue.getState().refresh();
      return;
  }
}
