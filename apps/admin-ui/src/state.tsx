import { createSignal } from 'solid-js';
import { createApiClient, type SessionInfo } from './api.ts';

const [session, setSession] = createSignal<SessionInfo | null | undefined>(undefined);
const [expiredNotice, setExpiredNotice] = createSignal(false);

export { expiredNotice, session, setExpiredNotice, setSession };

/** The app's one client: any 401 ends the session in the UI and sends the user back to sign-in. */
export const api = createApiClient({
  onUnauthenticated: () => {
    if (session()) setExpiredNotice(true);
    setSession(null);
  },
});
