// The HTTP side: routes `/bot<token>/<method>` and `/file/bot<token>/<path>`, decodes the
// request, applies injected faults, runs the method, answers like Telegram and logs the call.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FakeContext } from "./context.js";
import { decodeParams } from "./decode-params.js";
import { errorOutcome, type MethodOutcome, runMethod } from "./dispatch.js";
import { errorFromSpec, TgError } from "./errors.js";
import type { FaultInjector } from "./faults.js";
import type { ObservableLog } from "./observable-log.js";
import type { RateLimiter } from "./rate-limit.js";
import type { CallRecord, Params, TgResponse } from "./types.js";
import { PollAborted } from "./update-queue.js";

const MAX_BODY_BYTES = 60 * 1024 * 1024;

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export interface FrontDeps {
  ctx: FakeContext;
  token: string;
  faults: FaultInjector;
  calls: ObservableLog<CallRecord>;
  /** Unexpected exceptions inside the fake (bugs), kept for inspection instead of printed. */
  internalErrors: Error[];
  log: (line: string) => void;
  /** Aborted by stop(): ends delays and long polls. */
  stopSignal: AbortSignal;
  /** The bulk limit in force, if any (see FakeTelegram.enforceRateLimit). */
  rateLimit?: () => RateLimiter | undefined;
}

function sendJson(res: ServerResponse, status: number, body: TgResponse): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  };
  if (!body.ok && body.parameters?.retry_after !== undefined) headers["retry-after"] = body.parameters.retry_after;
  res.writeHead(status, headers);
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new TgError(413, "Request Entity Too Large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}

export function createRequestHandler(deps: FrontDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      deps.internalErrors.push(error instanceof Error ? error : new Error(String(error)));
      deps.log(`internal error: ${String(error)}`);
      sendJson(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
    });
  };
}

async function handle(deps: FrontDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now();
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const path = url.pathname;

  const fileMatch = /^\/file\/bot([^/]*)\/(.+)$/.exec(path);
  if (fileMatch !== null) {
    serveFile(deps, res, safeDecode(fileMatch[1] ?? ""), safeDecode(fileMatch[2] ?? ""));
    return;
  }
  const match = /^\/bot([^/]*)\/([^/]*)$/.exec(path);
  const token = safeDecode(match?.[1] ?? "");
  const method = safeDecode(match?.[2] ?? "");
  if (match === null || token === undefined || method === undefined) {
    sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    return;
  }

  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const onStop = (): void => controller.abort();
  deps.stopSignal.addEventListener("abort", onStop);
  const signal = controller.signal;

  let params: Params = {};
  const record = (outcome: CallRecord["outcome"], status: number, response?: TgResponse): void => {
    const entry: CallRecord = {
      seq: deps.calls.items.length + 1,
      method,
      params,
      at,
      durationMs: Date.now() - at,
      status,
      outcome,
      source: "http",
    };
    if (response !== undefined) entry.response = response;
    deps.calls.push(entry);
    deps.log(`${method} -> ${outcome} ${status}`);
  };
  const answer = (result: MethodOutcome): void => {
    sendJson(res, result.status, result.response);
    record(result.response.ok ? "ok" : "error", result.status, result.response);
  };

  try {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof TgError) {
        answer(errorOutcome(error));
        req.socket.destroy();
        return;
      }
      record("aborted", 0);
      return;
    }

    if (token !== deps.token) {
      const malformed = !token.includes(":") || token.startsWith("0") || token.length > 80;
      answer(errorOutcome(new TgError(401, malformed ? "Unauthorized: invalid token specified" : "Unauthorized")));
      return;
    }
    try {
      params = decodeParams({ contentType: req.headers["content-type"], query: url.searchParams, body });
    } catch (error) {
      if (error instanceof TgError) {
        answer(errorOutcome(error));
        return;
      }
      throw error;
    }
    if (method === "") {
      answer(errorOutcome(new TgError(404, "Not Found: method not found")));
      return;
    }

    const delay = deps.faults.take("delay", method, params);
    if (delay !== undefined) await sleep(delay.ms, signal);
    if (signal.aborted) {
      record("aborted", 0);
      return;
    }
    if (deps.faults.take("drop", method, params, (rule) => !rule.afterProcessing) !== undefined) {
      req.socket.destroy();
      record("dropped", 0);
      return;
    }
    const fault = deps.faults.take("fail", method, params);
    if (fault !== undefined) {
      answer(errorOutcome(errorFromSpec(fault.error)));
      return;
    }
    const retryAfter = deps.rateLimit?.()?.admit(method, Date.now());
    if (retryAfter !== undefined) {
      answer(errorOutcome(errorFromSpec({ error_code: 429, retry_after: retryAfter })));
      return;
    }

    let result: MethodOutcome;
    try {
      result = await runMethod(deps.ctx, { method, params, signal });
    } catch (error) {
      if (error instanceof PollAborted) {
        record("aborted", 0);
        return;
      }
      throw error;
    }
    if (signal.aborted) {
      record("aborted", 0, result.response);
      return;
    }
    if (deps.faults.take("drop", method, params, (rule) => rule.afterProcessing) !== undefined) {
      req.socket.destroy();
      record("dropped", 0, result.response);
      return;
    }
    answer(result);
  } finally {
    deps.stopSignal.removeEventListener("abort", onStop);
  }
}

function serveFile(deps: FrontDeps, res: ServerResponse, token: string | undefined, filePath: string | undefined): void {
  const file = token === deps.token && filePath !== undefined ? deps.ctx.files.getByPath(filePath) : undefined;
  if (file === undefined) {
    sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    return;
  }
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.content.length });
  res.end(file.content);
}
