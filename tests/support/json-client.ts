/** JSON over HTTP against a started server, with an optional bearer token, for integration tests. */
export function jsonClient(baseUrl: string) {
  async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body: unknown, bearer: string | null) {
    const response = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }
  return {
    get: (path: string, bearer: string | null = null) => call('GET', path, undefined, bearer),
    post: (path: string, body: unknown, bearer: string | null = null) => call('POST', path, body, bearer),
    patch: (path: string, body: unknown, bearer: string | null = null) => call('PATCH', path, body, bearer),
    put: (path: string, body: unknown, bearer: string | null = null) => call('PUT', path, body, bearer),
  };
}
