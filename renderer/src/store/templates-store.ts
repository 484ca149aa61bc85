import { create } from 'zustand';
import {
  DEFAULT_REPLY_TEMPLATES,
  type ReplyTemplate,
  type ReplyTemplates,
} from '../../../shared/replies/reply-templates';
import { call } from '../bridge/call';
import { notifyFailure } from './notice-store';

interface TemplatesState {
  /** -1 until the host answers; 0 while the workstation holds only the defaults. */
  version: number;
  /** In the centre's order: the first nine are r 1 … r 9. */
  templates: readonly ReplyTemplate[];
  load(): Promise<void>;
  /** What the host answered (after a pull, or an admin's save). */
  hold(templates: ReplyTemplates): void;
}

/** The centre's reply templates as this workstation holds them (docs/templates.md). */
export const useTemplates = create<TemplatesState>()((set, get) => ({
  version: -1,
  templates: DEFAULT_REPLY_TEMPLATES,
  load: async () => {
    try {
      get().hold(await call('templates.get', {}));
    } catch (error) {
      notifyFailure(error);
    }
  },
  hold: (held) => {
    if (held.version !== get().version) set({ version: held.version, templates: held.templates });
  },
}));
