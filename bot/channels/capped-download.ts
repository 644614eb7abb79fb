// A file's bytes from a platform's download URL, at most `cap`: read into memory as they come
// and stopped as soon as they pass the cap (a size the platform announced is checked by the
// caller before). Nothing is written to disk. Network errors are thrown to the caller.
const DOWNLOAD_TIMEOUT_MS = 30_000;

export type CappedDownload = { ok: true; bytes: Buffer } | { ok: false; reason: "tooLarge" } | { ok: false; reason: "refused"; status: number };

export async function downloadCapped(url: string, cap: number, headers: Record<string, string> = {}): Promise<CappedDownload> {
  // No redirects followed: the request may carry a token, meant for this host only.
  const res = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!res.ok || !res.body) return { ok: false, reason: "refused", status: res.status };
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > cap) {
      await res.body.cancel().catch(() => undefined);
      return { ok: false, reason: "tooLarge" };
    }
    chunks.push(Buffer.from(chunk));
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
