/**
 * Where the workstation API travels: the Electron IPC channel names and the browser shell's paths.
 * Kept apart from the schemas so the sandboxed preload bundles a few bytes, not zod.
 */
export const IPC_CHANNELS = { call: 'yiwang:call', event: 'yiwang:event' } as const;
/** `exports`: GET + file name (token in the query, as for events) downloads a file the host wrote, e.g. a ledger. */
export const BROWSER_SHELL_PATHS = {
  call: '/api/call/',
  events: '/api/events',
  exports: '/api/exports/',
  /** Where the page trades the one-time launch code in its address (#launch=…) for the access token. */
  launch: '/api/launch',
} as const;
/**
 * An attachment the host serves by its sha256, in both shells: app://yiwang/media/<hash> in Electron,
 * /media/<hash>?token=… in the browser shell. The page's CSP lets images and audio come from here only.
 */
export const MEDIA_PATH = '/media/';
