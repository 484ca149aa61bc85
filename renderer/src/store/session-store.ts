import { create } from 'zustand';
import type { Session } from '../../../shared/api/workstation-api';
import { call, failureCode } from '../bridge/call';

interface SessionState {
  /** null until the host has answered the first time. */
  session: Session | null;
  signingIn: boolean;
  /** The host's failure code (i18n/failure-words.ts). */
  signInError: string | null;
  /** Why the host could not be asked for the session, shown instead of the workstation. */
  loadError: string | null;
  load(): Promise<void>;
  signIn(name: string, password: string): Promise<void>;
  /** Ends the shift, leaving the note for the next operator (none when empty). */
  signOut(handoverNote?: string): Promise<void>;
  set(session: Session): void;
}

export const useSession = create<SessionState>()((set) => ({
  session: null,
  signingIn: false,
  signInError: null,
  loadError: null,
  load: async () => {
    try {
      set({ session: await call('session.get', {}), loadError: null });
    } catch (error) {
      set({ loadError: failureCode(error) });
    }
  },
  signIn: async (name, password) => {
    set({ signingIn: true, signInError: null });
    try {
      set({ session: await call('session.signIn', { name, password }), signingIn: false });
    } catch (error) {
      set({ signingIn: false, signInError: failureCode(error) });
    }
  },
  signOut: async (handoverNote) => {
    set({ session: await call('session.signOut', handoverNote ? { handoverNote } : {}) });
  },
  set: (session) => set({ session }),
}));
