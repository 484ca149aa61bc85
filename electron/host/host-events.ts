import type { HostEvent } from '../../shared/api/workstation-api';

export type HostListener = (event: HostEvent) => void;

/** Fans host events out to every subscriber (the Electron window, the browser shell's SSE streams). */
export function hostEvents() {
  const listeners = new Set<HostListener>();
  return {
    emit(event: HostEvent): void {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          // One broken subscriber must not stop the others or the host.
          console.error('yiwang host: event listener failed', error);
        }
      }
    },
    subscribe(listener: HostListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type HostEvents = ReturnType<typeof hostEvents>;
