/**
 * Reads a request body up to a byte limit without ever holding more than the limit: a declared
 * Content-Length over it is refused before reading, and a stream that grows past it is cancelled.
 */

/** Meta's payloads can reach 3 MB (docs/graph-facts.md §7). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export type BodyRead = { ok: true; body: Uint8Array } | { ok: false; bytesSeen: number };

export async function readBodyLimited(request: Request, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, bytesSeen: declared };
  }
  if (!request.body) return { ok: true, body: new Uint8Array(0) };
  // A declared length within the limit bounds the body (the HTTP parser never reads past it): read it whole.
  if (Number.isFinite(declared) && request.headers.has('content-length')) {
    return { ok: true, body: new Uint8Array(await request.arrayBuffer()) };
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, bytesSeen: size };
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) return { ok: true, body: chunks[0] };
  return { ok: true, body: Buffer.concat(chunks, size) };
}
