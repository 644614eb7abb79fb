// The bot's HTTP side: Telegram's webhook (secret header checked), a health endpoint for
// the agency's monitoring, and room for ingest endpoints. Plain node:http, no framework.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "./logger.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface Route {
  method: "GET" | "POST";
  path: string;
  handler: RouteHandler;
}

export interface HttpServer {
  server: Server;
  port: number;
  /** Stops accepting connections and waits for requests in progress to finish. */
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(data) });
  res.end(data);
}

/** A request body refused before it was handled: too large (413) or not JSON (400). */
export class HttpBodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = "HttpBodyError";
  }
}

/**
 * Reads a JSON body of at most `maxBytes`. A larger one is refused from its Content-Length
 * or as soon as the bytes read pass the cap: it is never held in memory, and the connection
 * is closed after the answer instead of reading the rest.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const tooLarge = () => new HttpBodyError(413, `Nội dung quá lớn (tối đa ${maxBytes} byte). / Body too large (at most ${maxBytes} bytes).`);
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpBodyError(400, `Nội dung không phải JSON hợp lệ: ${(e as Error).message} / The body is not valid JSON.`);
  }
}

/** How long the rest of a refused body is read (and thrown away) before the connection is cut. */
const DISCARD_MS = 10_000;

/**
 * Answers a refused body. The rest of an unread body is read and thrown away (never kept in
 * memory), so that the client, still sending, gets the answer instead of a reset connection;
 * a client that keeps sending past DISCARD_MS is cut off. The connection is closed after.
 */
export function sendBodyError(req: IncomingMessage, res: ServerResponse, e: HttpBodyError, extra: Record<string, unknown> = {}): void {
  const data = JSON.stringify({ ok: false, error: e.message, ...extra });
  const unread = !req.readableEnded;
  res.writeHead(e.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(data),
    ...(unread ? { connection: "close" } : {}),
  });
  res.end(data);
  if (unread) {
    const cut = setTimeout(() => req.destroy(), DISCARD_MS);
    cut.unref();
    req.once("end", () => clearTimeout(cut));
    req.once("close", () => clearTimeout(cut));
    req.resume();
  }
}

export async function startHttpServer(opts: { host: string; port: number; routes: Route[]; logger: Logger }): Promise<HttpServer> {
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const route = opts.routes.find((r) => r.path === path && r.method === req.method);
    if (!route) {
      const known = opts.routes.some((r) => r.path === path);
      sendJson(res, known ? 405 : 404, { ok: false, error: known ? "method not allowed" : "not found" });
      return;
    }
    inFlight++;
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((e: unknown) => {
        if (e instanceof HttpBodyError) {
          if (!res.headersSent) sendBodyError(req, res, e);
          return;
        }
        opts.logger.error({ path, error: (e as Error).message }, "http handler failed");
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: "internal error" });
      })
      .finally(() => {
        inFlight--;
        if (inFlight === 0) idle?.();
      });
  });
  server.requestTimeout = 70_000; // Telegram waits about 60 s for a webhook answer
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
      await closed;
    },
  };
}
