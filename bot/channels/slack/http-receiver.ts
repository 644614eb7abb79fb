// Bolt's HTTP side on the bot's own HTTP server (one PORT for everything): Slack's Events
// API, the slash command and button presses all come to SLACK_EVENTS_PATH, signed with the
// app's signing secret (v0 HMAC-SHA256 of "v0:<timestamp>:<raw body>", checked by Bolt's
// verifySlackRequest, which also refuses a timestamp more than 5 minutes away). A request
// that fails the check gets 401 and is never parsed; a good one is handed to Bolt
// (app.processEvent), answered as soon as a listener acknowledges it.
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { verifySlackRequest } from "@slack/bolt";
import type { IncomingMessage } from "node:http";
import { SLACK_EVENTS_PATH } from "../../config.js";
import { HttpBodyError, type Route, sendJson } from "../../http-server.js";

const MAX_BODY_BYTES = 1024 * 1024;

async function readRaw(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new HttpBodyError(413, "body too large");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpBodyError(413, "body too large");
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(raw: string, contentType: string): Record<string, unknown> | undefined {
  try {
    if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
    const form = Object.fromEntries(new URLSearchParams(raw));
    // Interactive payloads (buttons) are JSON in the `payload` field; slash commands are the form itself.
    return typeof form.payload === "string" ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
  } catch {
    return undefined;
  }
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export class RouteReceiver implements Receiver {
  private app: App | undefined;
  constructor(private readonly signingSecret: string) {}

  init(app: App): void {
    this.app = app;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  route(): Route {
    return {
      method: "POST",
      path: SLACK_EVENTS_PATH,
      handler: async (req, res) => {
        const raw = await readRaw(req);
        try {
          verifySlackRequest({
            signingSecret: this.signingSecret,
            body: raw,
            headers: { "x-slack-signature": header(req, "x-slack-signature") ?? "", "x-slack-request-timestamp": Number(header(req, "x-slack-request-timestamp")) },
          });
        } catch {
          sendJson(res, 401, { ok: false, error: "invalid signature" });
          return;
        }
        const body = parseBody(raw, header(req, "content-type") ?? "");
        if (!body) return sendJson(res, 400, { ok: false, error: "not a Slack request" });
        if (body.type === "url_verification") return sendJson(res, 200, { challenge: body.challenge });
        if (body.ssl_check) return sendJson(res, 200, {});
        let acked = false;
        const ack = async (response?: unknown) => {
          if (acked) return;
          acked = true;
          if (response === undefined || response === "") {
            res.writeHead(200).end();
          } else sendJson(res, 200, typeof response === "string" ? { text: response } : response);
        };
        const retry = header(req, "x-slack-retry-num");
        const event: ReceiverEvent = {
          body,
          ack,
          ...(retry !== undefined ? { retryNum: Number(retry) } : {}),
          ...(header(req, "x-slack-retry-reason") ? { retryReason: header(req, "x-slack-retry-reason")! } : {}),
        };
        try {
          await this.app!.processEvent(event);
        } finally {
          // Nothing took it (an event type not subscribed to): Slack must not retry it.
          await ack();
        }
      },
    };
  }
}
