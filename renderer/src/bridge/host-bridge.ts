import type { HostBridge } from '../../../shared/api/workstation-api';
import { createHttpBridge } from './http-bridge';
import { takeShellToken } from './shell-token';

declare global {
  interface Window {
    /** Exposed by Electron's preload through contextBridge. */
    yiwang?: HostBridge;
  }
}

/** Electron's preload bridge when present, else the browser shell's HTTP bridge; null when neither is reachable. */
function pickBridge(): HostBridge | null {
  if (window.yiwang) return window.yiwang;
  const token = takeShellToken();
  return token ? createHttpBridge(token) : null;
}

export const hostBridge: HostBridge | null = pickBridge();
