/** Loopback names: traffic to them never leaves this computer. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Checks the central server's address before the workstation uses it: the session token and
 * citizens' requests cross the network, so a server on another machine needs https://. Plain http://
 * is refused there unless an administrator allows it (YIWANG_ALLOW_HTTP_SERVER=1) for a network
 * they trust, and even then it is said on every start.
 */
export function checkServerAddress(serverUrl: string, allowHttp: boolean, warn: (line: string) => void): void {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new Error(`YIWANG_SERVER_URL=${serverUrl}: not an address`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))) return;
  if (url.protocol !== 'http:') throw new Error(`YIWANG_SERVER_URL=${serverUrl}: expected https://`);
  const why = `${url.origin} is another computer reached over plain http://: passwords, session tokens and citizens' requests would cross the network unencrypted`;
  if (!allowHttp)
    throw new Error(
      `YIWANG_SERVER_URL=${serverUrl}: ${why}; use https://, or set YIWANG_ALLOW_HTTP_SERVER=1 on a network you trust`,
    );
  warn(`WARNING: ${why} (allowed by YIWANG_ALLOW_HTTP_SERVER=1)`);
}
