import { BROWSER_SHELL_PATHS } from '../../../shared/api/workstation-api';

/** Kept for this tab only: a reload finds it, another tab or a restarted browser does not. */
const STORAGE_KEY = 'yiwang.shell-token';

/**
 * The browser shell's access token. The launcher opens the page with a one-time code (#launch=…), traded
 * here for the token; a caller holding the token may give it directly (#token=…). Either way the address
 * is cleared, so the token never sits in the address bar, the history or a bookmark.
 */
export function shellToken(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

/** Settles the page's address into the stored token: null when there is nothing to go on (no host). */
export function takeShellToken(): Promise<string> | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  const launchCode = fragment.get('launch');
  if (token || launchCode) history.replaceState(null, '', window.location.pathname + window.location.search);
  if (token) return Promise.resolve(keep(token));
  if (launchCode) return tradeLaunchCode(launchCode);
  const stored = shellToken();
  return stored ? Promise.resolve(stored) : null;
}

async function tradeLaunchCode(code: string): Promise<string> {
  const response = await fetch(BROWSER_SHELL_PATHS.launch, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const body = (await response.json().catch(() => null)) as { ok?: boolean; value?: { token?: string } } | null;
  const token = body?.ok ? body.value?.token : undefined;
  // A spent code: a token this tab kept before a reload of the launch address still serves.
  const usable = token ?? shellToken();
  if (!usable) throw new ShellLaunchError();
  return keep(usable);
}

function keep(token: string): string {
  sessionStorage.setItem(STORAGE_KEY, token);
  return token;
}

/** The launch address was opened already (by another window, or someone who read it). */
export class ShellLaunchError extends Error {
  readonly code = 'launch-spent';
}
