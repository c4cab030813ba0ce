/** GET a console JSON route; a non-2xx answer becomes an Error with the server's message. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = (await response.json().catch(() => null)) as (T & { message?: string; error?: string }) | null;
  if (!response.ok || body === null) {
    throw new Error(body?.message ?? body?.error ?? `The server answered ${response.status}`);
  }
  return body;
}
