// A fake Zalo Bot Platform API on 127.0.0.1, written from the documented shapes
// (bot.zaloplatforms.com/docs): `/bot<TOKEN>/<method>`, GET or POST, JSON or form, answers
// `{ ok, result }` or `{ ok: false, error_code, description }`. getUpdates hands out one
// event per call and answers 408 when none comes within `timeout`; there is no offset. Ids
// are 20 lowercase hex characters; `date` is in milliseconds. Users can block the bot (403).
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ZaloUser {
  id: string;
  displayName: string;
}

export interface ZaloSentMessage {
  chatId: string;
  text: string;
  messageId: string;
  at: number;
}

export interface ZaloEventBody {
  event_name: string;
  message: {
    from: { id: string; display_name: string; is_bot: boolean };
    chat: { id: string; chat_type: "PRIVATE" | "GROUP" };
    text?: string;
    message_id: string;
    date: number;
  };
}

const hex20 = () => randomBytes(10).toString("hex");

export class FakeZalo {
  readonly botId = "1234567890123456789";
  readonly token = `${this.botId}:fakeZaloSecret_${randomBytes(6).toString("hex")}`;
  readonly sent: ZaloSentMessage[] = [];
  readonly events: ZaloEventBody[] = [];
  readonly calls: { method: string; params: Record<string, unknown>; status: number }[] = [];
  private readonly queue: ZaloEventBody[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly blocked = new Set<string>();
  private webhook: { url: string; secret: string } | undefined;
  private failures: { method: string; code: number; description: string; times: number }[] = [];
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<FakeZalo> {
    let fake: FakeZalo | undefined;
    const server = createServer((req, res) => void fake!.serve(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    fake = new FakeZalo(server, (server.address() as AddressInfo).port);
    return fake;
  }

  user(displayName = "Người dùng Zalo"): ZaloUser {
    return { id: hex20(), displayName };
  }

  /** The user writes to the bot; returns the event (delivered by getUpdates, or to the webhook). */
  async sendText(user: ZaloUser, text: string): Promise<ZaloEventBody> {
    return this.push(user, "message.text.received", { text });
  }

  /** A message whose content Zalo withholds (e.g. a protected user). */
  async sendUnsupported(user: ZaloUser): Promise<ZaloEventBody> {
    return this.push(user, "message.unsupported.received", {});
  }

  private async push(user: ZaloUser, eventName: string, extra: { text?: string }): Promise<ZaloEventBody> {
    const event: ZaloEventBody = {
      event_name: eventName,
      message: {
        from: { id: user.id, display_name: user.displayName, is_bot: false },
        chat: { id: user.id, chat_type: "PRIVATE" },
        ...extra,
        message_id: hex20(),
        date: Date.now(),
      },
    };
    this.events.push(event);
    if (this.webhook) {
      // The production shape: the bare event.
      await fetch(this.webhook.url, { method: "POST", headers: { "content-type": "application/json", "x-bot-api-secret-token": this.webhook.secret }, body: JSON.stringify(event) });
    } else {
      this.queue.push(event);
      this.waiters.splice(0).forEach((w) => w());
    }
    return event;
  }

  /** The user blocks the bot: every send to them answers 403. */
  block(user: ZaloUser): void {
    this.blocked.add(user.id);
  }

  failNext(method: string, code: number, description: string, times = 1): void {
    this.failures.push({ method, code, description, times });
  }

  messagesTo(user: ZaloUser | string): ZaloSentMessage[] {
    const id = typeof user === "string" ? user : user.id;
    return this.sent.filter((m) => m.chatId === id);
  }

  async stop(): Promise<void> {
    this.waiters.splice(0).forEach((w) => w());
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const answer = (status: number, body: Record<string, unknown>) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const fail = (code: number, description: string) => answer(code, { ok: false, error_code: code, description });
    if (!m) return fail(404, "Not Found");
    const [, token, method] = m as unknown as [string, string, string];
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    if (raw) {
      if ((req.headers["content-type"] ?? "").includes("json")) Object.assign(params, JSON.parse(raw) as Record<string, unknown>);
      else Object.assign(params, Object.fromEntries(new URLSearchParams(raw)));
    }
    const record = (status: number) => this.calls.push({ method, params, status });
    if (token !== this.token) {
      record(401);
      return fail(401, "Unauthorized");
    }
    const f = this.failures.find((x) => x.method === method && x.times > 0);
    if (f) {
      f.times--;
      record(f.code);
      return fail(f.code, f.description);
    }
    switch (method) {
      case "getMe":
        record(200);
        return answer(200, { ok: true, result: { id: this.botId, account_name: "bot.sokhcn", account_type: "BASIC", can_join_groups: false } });
      case "getUpdates": {
        if (this.webhook) {
          record(400);
          return fail(400, "Webhook is set");
        }
        const timeout = Math.min(Number(params.timeout ?? 30), 50) * 1000;
        const deadline = Date.now() + timeout;
        while (this.queue.length === 0 && Date.now() < deadline && !res.destroyed) {
          await new Promise<void>((r) => {
            const timer = setTimeout(r, Math.max(0, deadline - Date.now()));
            this.waiters.push(() => {
              clearTimeout(timer);
              r();
            });
          });
          if (!this.server.listening) break;
        }
        const event = this.queue.shift();
        if (!event) {
          record(408);
          return fail(408, "Request timeout");
        }
        if (res.destroyed) {
          this.queue.unshift(event);
          return;
        }
        record(200);
        return answer(200, { ok: true, result: event });
      }
      case "setWebhook": {
        const secret = String(params.secret_token ?? "");
        if (!/^https?:\/\//.test(String(params.url ?? "")) || secret.length < 8 || secret.length > 256) {
          record(400);
          return fail(400, "Bad Request: url or secret_token");
        }
        this.webhook = { url: String(params.url), secret };
        record(200);
        return answer(200, { ok: true, result: { url: this.webhook.url, updated_at: Date.now() } });
      }
      case "deleteWebhook":
        this.webhook = undefined;
        record(200);
        return answer(200, { ok: true, result: { url: "", updated_at: Date.now() } });
      case "getWebhookInfo":
        record(200);
        return answer(200, { ok: true, result: { url: this.webhook?.url ?? "", updated_at: Date.now() } });
      case "sendChatAction":
        record(200);
        return answer(200, { ok: true, result: {} });
      case "sendMessage": {
        const chatId = String(params.chat_id ?? "");
        const text = String(params.text ?? "");
        if (!/^[0-9a-f]{20}$/.test(chatId)) {
          record(400);
          return fail(400, "Bad Request: chat_id");
        }
        if (text.length < 1 || text.length > 2000) {
          record(400);
          return fail(400, "Bad Request: text must be 1-2000 characters");
        }
        if (this.blocked.has(chatId)) {
          record(403);
          return fail(403, "Forbidden: the user has blocked the bot");
        }
        const msg: ZaloSentMessage = { chatId, text, messageId: hex20(), at: Date.now() };
        this.sent.push(msg);
        record(200);
        return answer(200, { ok: true, result: { message_id: msg.messageId, date: msg.at } });
      }
      default:
        record(404);
        return fail(404, `Method ${method} not found`);
    }
  }

  /** Whether the event was answered: e2e waits on the bot's own record instead. */
  eventKey(e: ZaloEventBody): string {
    return `zalo:${this.botId}:${e.event_name}:${e.message.message_id}`;
  }
}
