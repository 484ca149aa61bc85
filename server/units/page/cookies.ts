/** Reads the Cookie header into name → value (first occurrence wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !cookies.has(name)) cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

/** The units' page cookies: never readable by script, never sent from another site, only under /units. */
export function pageCookie(name: string, value: string, options: { secure: boolean; clear?: boolean }): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/units',
    'HttpOnly',
    'SameSite=Strict',
    ...(options.secure ? ['Secure'] : []),
    ...(options.clear ? ['Max-Age=0'] : []),
  ].join('; ');
}
