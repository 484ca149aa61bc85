import type { HostBridge } from '../../../shared/api/workstation-api';
import { createHttpBridge, tokenFromLocation } from './http-bridge';

declare global {
  interface Window {
    /** Exposed by Electron's preload through contextBridge. */
    yiwang?: HostBridge;
  }
}

/** Electron's preload bridge when present, else the browser shell's HTTP bridge; null when neither is reachable. */
function pickBridge(): HostBridge | null {
  if (window.yiwang) return window.yiwang;
  const token = tokenFromLocation(window.location.hash);
  return token ? createHttpBridge(token) : null;
}

export const hostBridge: HostBridge | null = pickBridge();
