// The bot's HTTP side: Telegram's webhook (secret header checked), a health endpoint for
// the agency's monitoring, and room for ingest endpoints. Plain node:http, no framework.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "./logger.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface Route {
  method: "GET" | "POST";
  path: string;
  /** The path is a prefix (e.g. "/files/" for "/files/<token>"). */
  prefix?: boolean;
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

export async function startHttpServer(opts: { host: string; port: number; routes: Route[]; logger: Logger }): Promise<HttpServer> {
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const matches = (r: Route) => r.path === path || (r.prefix === true && path!.startsWith(r.path));
    const route = opts.routes.find((r) => matches(r) && r.method === req.method);
    if (!route) {
      const known = opts.routes.some(matches);
      sendJson(res, known ? 405 : 404, { ok: false, error: known ? "method not allowed" : "not found" });
      return;
    }
    inFlight++;
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((e: unknown) => {
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
