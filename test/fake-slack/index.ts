// A fake Slack on 127.0.0.1, written from the documented shapes (api.slack.com): the Web API
// methods the channel uses under /api/<method> (form or JSON bodies, `{ ok, error }`
// answers, HTTP 429 with Retry-After when rate limited, Block Kit limits checked), Socket
// Mode (apps.connections.open hands out a local WebSocket: hello, envelopes, acks, pings)
// and, in HTTP mode, requests signed with the signing secret (v0 HMAC) posted to the bot.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";

export interface SlackUser {
  id: string;
  name: string;
  realName: string;
  email: string | undefined;
  deleted: boolean;
  dm: string;
}

type Block = { type: string; text?: { type: string; text: string }; elements?: { type: string; text?: { text: string } | string; value?: string; url?: string; action_id?: string }[] };

export interface SlackPosted {
  kind: "post" | "update" | "ephemeral" | "file";
  channel: string;
  /** Ephemeral: the only person who sees it. */
  user?: string;
  ts: string;
  text: string;
  blocks: Block[];
  fileName?: string;
  fileBytes?: number;
}

const rid = (prefix: string, n = 9) => `${prefix}${randomBytes(8).toString("hex").toUpperCase().slice(0, n)}`;

/** Slack's v0 request signature. */
export function signSlack(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** What a person sees of mrkdwn: the words, without * _ ` and with links' labels. */
export function visible(mrkdwn: string): string {
  return mrkdwn
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2")
    .replace(/(^|[\s(])[*_]+(?=\S)|(?<=\S)[*_]+(?=[\s).,:;!?]|$)/gm, "$1")
    .replace(/`/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The words of a message (its sections), as a person reads them. */
export function textOfBlocks(p: { text: string; blocks: readonly object[] }): string {
  const parts = (p.blocks as Block[]).filter((b) => b.type === "section" && b.text).map((b) => visible(b.text!.text));
  return parts.length ? parts.join("\n") : visible(p.text);
}

export function buttonsOf(p: { blocks: readonly object[] }): { text: string; value?: string; url?: string; actionId?: string }[] {
  return (p.blocks as Block[])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === "button")
    .map((e) => ({ text: typeof e.text === "string" ? e.text : (e.text?.text ?? ""), ...(e.value !== undefined ? { value: e.value } : {}), ...(e.url ? { url: e.url } : {}), ...(e.action_id ? { actionId: e.action_id } : {}) }));
}

function blocksProblem(blocks: Block[], max: number): string | undefined {
  if (blocks.length > max) return "invalid_blocks";
  const ids = new Set<string>();
  for (const b of blocks) {
    if (b.type === "section" && (!b.text || b.text.text.length > 3000 || b.text.text.length === 0)) return "invalid_blocks";
    if (b.type === "actions") {
      if (!b.elements?.length || b.elements.length > 25) return "invalid_blocks";
      for (const e of b.elements) {
        const label = typeof e.text === "string" ? e.text : (e.text?.text ?? "");
        if (label.length === 0 || label.length > 75 || (e.value?.length ?? 0) > 2000 || (e.action_id?.length ?? 0) > 255) return "invalid_blocks";
        if (e.url && !/^https?:\/\//.test(e.url)) return "invalid_blocks";
        if (e.action_id) {
          if (ids.has(e.action_id)) return "invalid_blocks";
          ids.add(e.action_id);
        }
      }
    }
  }
  return undefined;
}

export class FakeSlack {
  readonly teamId = "T0SOKHCN01";
  readonly botUserId = "U0BOTSOKHC";
  readonly botId = "B0BOTSOKHC";
  readonly appId = "A0SOKHCN01";
  readonly botToken = `xoxb-1111-2222-${randomBytes(12).toString("hex")}`;
  readonly appToken = `xapp-1-${this.appId}-3333-${randomBytes(12).toString("hex")}`;
  readonly signingSecret = randomBytes(16).toString("hex");
  readonly users = new Map<string, SlackUser>();
  readonly posted: SlackPosted[] = [];
  readonly views = new Map<string, { blocks: Block[] }[]>();
  readonly calls: { method: string; params: Record<string, unknown>; status: number; error?: string }[] = [];
  /** Envelopes the bot acknowledged (Socket Mode), by envelope id, with the time taken. */
  readonly acks = new Map<string, number>();
  /** HTTP answers the bot gave to posted requests. */
  readonly httpAnswers: { status: number; ms: number }[] = [];
  /** HTTP mode: where Slack posts (the bot's /slack/events). */
  requestUrl: string | undefined;
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sentAt = new Map<string, number>();
  private readonly failures: { method: string; error: string; retryAfter?: number; times: number }[] = [];
  private readonly uploads = new Map<string, { filename: string; bytes: number }>();
  /** Files people shared, served at their url_private_download to the bot token only. */
  private readonly shared = new Map<string, { name: string; mimetype: string; content: Buffer; user: string }>();
  /** Downloads of shared files: the status answered. */
  readonly downloads: { fileId: string; status: number }[] = [];
  private readonly responseUrls = new Map<string, { channel: string; user: string; messageTs?: string }>();
  private pinger: NodeJS.Timeout | undefined;
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  static async start(): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => void fake!.serve(req, res).catch(() => !res.headersSent && res.writeHead(500).end()));
    server.on("upgrade", (req, socket, head) => fake!.upgrade(req, socket, head));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    fake = new FakeSlack(server, (server.address() as AddressInfo).port);
    // Slack pings every few seconds; Bolt's client reconnects after 30 s without one.
    fake.pinger = setInterval(() => fake!.sockets.forEach((s) => s.readyState === WebSocket.OPEN && s.ping()), 5000);
    fake.pinger.unref();
    return fake;
  }

  user(opts: { name: string; email?: string }): SlackUser {
    const u: SlackUser = { id: rid("U"), name: opts.name.toLowerCase().replace(/\s+/g, "."), realName: opts.name, email: opts.email, deleted: false, dm: rid("D") };
    this.users.set(u.id, u);
    return u;
  }

  failNext(method: string, error: string, opts: { retryAfter?: number; times?: number } = {}): void {
    this.failures.push({ method, error, times: opts.times ?? 1, ...(opts.retryAfter !== undefined ? { retryAfter: opts.retryAfter } : {}) });
  }

  /** Everything the bot put in a conversation (posts, edits, ephemeral notes, files), in order. */
  postedIn(channel: string): SlackPosted[] {
    return this.posted.filter((p) => p.channel === channel);
  }

  // ——— what people do ———

  /** A message in the person's DM with the app; returns the event id. */
  dm(user: SlackUser, text: string, opts: { retryNum?: number; eventId?: string; subtype?: string } = {}): Promise<string> {
    const event = { type: "message", channel_type: "im", channel: user.dm, user: user.id, text, ts: this.ts(), event_ts: this.ts(), ...(opts.subtype ? { subtype: opts.subtype } : {}) };
    return this.event(event, opts);
  }

  /** The person shares a file in their DM with the app (a `file_share` message, the comment as its text); returns the event id. */
  shareFile(user: SlackUser, file: { fileName: string; content: Buffer; mimeType?: string }, comment = ""): Promise<string> {
    const shared = this.upload(user, file);
    const event = {
      type: "message",
      subtype: "file_share",
      channel_type: "im",
      channel: user.dm,
      user: user.id,
      text: comment,
      upload: false,
      files: [shared],
      ts: this.ts(),
      event_ts: this.ts(),
    };
    return this.event(event);
  }

  /** A file the person uploaded (not yet shared in a message): Slack's file object, as files.info gives it. */
  upload(user: SlackUser, file: { fileName: string; content: Buffer; mimeType?: string }) {
    const id = rid("F", 10);
    const mimetype = file.mimeType ?? (file.fileName.endsWith(".csv") ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    this.shared.set(id, { name: file.fileName, mimetype, content: file.content, user: user.id });
    return this.fileObject(id);
  }

  private fileObject(id: string) {
    const f = this.shared.get(id)!;
    const base = `http://127.0.0.1:${this.port}/files-pri/${this.teamId}-${id}`;
    return { id, name: f.name, title: f.name, mimetype: f.mimetype, filetype: f.name.split(".").pop(), size: f.content.length, user: f.user, url_private: `${base}/${encodeURIComponent(f.name)}`, url_private_download: `${base}/download/${encodeURIComponent(f.name)}` };
  }

  mention(user: SlackUser, channel: string, text: string): Promise<string> {
    return this.event({ type: "app_mention", channel, user: user.id, text: `<@${this.botUserId}> ${text}`, ts: this.ts(), event_ts: this.ts() });
  }

  openHome(user: SlackUser): Promise<string> {
    return this.event({ type: "app_home_opened", user: user.id, channel: user.dm, tab: "home", event_ts: this.ts() });
  }

  /** `/sokhcn <text>` typed in a conversation (default: the person's DM with the app); returns the trigger id. */
  async slash(user: SlackUser, text: string, opts: { channel?: string } = {}): Promise<string> {
    const channel = opts.channel ?? user.dm;
    const trigger = `${Date.now()}.${randomBytes(6).toString("hex")}`;
    const responseUrl = this.responseUrl({ channel, user: user.id });
    const payload = {
      token: "verification-token-unused",
      team_id: this.teamId,
      team_domain: "sokhcn",
      channel_id: channel,
      channel_name: channel.startsWith("D") ? "directmessage" : "chung",
      user_id: user.id,
      user_name: user.name,
      command: "/sokhcn",
      text,
      api_app_id: this.appId,
      is_enterprise_install: "false",
      response_url: responseUrl,
      trigger_id: trigger,
    };
    await this.deliver("slash_commands", payload);
    return trigger;
  }

  /** The person presses a button (by its value) under a message; returns the trigger id. */
  async press(user: SlackUser, message: SlackPosted, value: string): Promise<string> {
    const b = buttonsOf(message).find((x) => x.value === value);
    const trigger = `${Date.now()}.${randomBytes(6).toString("hex")}`;
    const ephemeral = message.kind === "ephemeral";
    const payload = {
      type: "block_actions",
      user: { id: user.id, username: user.name, name: user.name, team_id: this.teamId },
      api_app_id: this.appId,
      token: "verification-token-unused",
      container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: ephemeral },
      trigger_id: trigger,
      team: { id: this.teamId, domain: "sokhcn" },
      channel: { id: message.channel, name: message.channel.startsWith("D") ? "directmessage" : "chung" },
      // Slack leaves out the message of an ephemeral note.
      ...(ephemeral ? {} : { message: { type: "message", ts: message.ts, text: message.text, blocks: message.blocks, user: this.botUserId, bot_id: this.botId } }),
      response_url: this.responseUrl({ channel: message.channel, user: user.id, messageTs: message.ts }),
      actions: [{ action_id: b?.actionId ?? "act_1", block_id: "b1", text: { type: "plain_text", text: b?.text ?? "?" }, value, type: "button", action_ts: this.ts() }],
    };
    await this.deliver("interactive", payload);
    return trigger;
  }

  private responseUrl(target: { channel: string; user: string; messageTs?: string }): string {
    const id = randomBytes(8).toString("hex");
    this.responseUrls.set(id, target);
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  private ts(): string {
    const now = Date.now() / 1000;
    return `${Math.floor(now)}.${String(Math.floor((now % 1) * 1e6) + Math.floor(Math.random() * 1000)).padStart(6, "0")}`;
  }

  private async event(event: Record<string, unknown>, opts: { retryNum?: number; eventId?: string } = {}): Promise<string> {
    const eventId = opts.eventId ?? rid("Ev", 10);
    const body = {
      token: "verification-token-unused",
      team_id: this.teamId,
      api_app_id: this.appId,
      event,
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: this.teamId, user_id: this.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    };
    await this.deliver("events_api", body, opts.retryNum);
    return eventId;
  }

  /** Hands a payload to the bot: an envelope on the socket, or a signed HTTP request. */
  async deliver(type: "events_api" | "slash_commands" | "interactive", payload: Record<string, unknown>, retryNum?: number): Promise<void> {
    if (this.requestUrl) {
      const body = type === "events_api" ? JSON.stringify(payload) : type === "slash_commands" ? new URLSearchParams(payload as Record<string, string>).toString() : new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const res = await this.post(body, type === "events_api" ? "application/json" : "application/x-www-form-urlencoded", { retryNum });
      if (res.status !== 200) throw new Error(`the bot answered ${res.status}`);
      return;
    }
    const deadline = Date.now() + 20_000;
    while (![...this.sockets].some((s) => s.readyState === WebSocket.OPEN)) {
      if (Date.now() > deadline) throw new Error("no Socket Mode connection");
      await new Promise((r) => setTimeout(r, 20));
    }
    const socket = [...this.sockets].find((s) => s.readyState === WebSocket.OPEN)!;
    const envelopeId = randomBytes(12).toString("hex");
    this.sentAt.set(envelopeId, Date.now());
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== "events_api",
        ...(retryNum !== undefined ? { retry_attempt: retryNum, retry_reason: "timeout" } : { retry_attempt: 0, retry_reason: "" }),
      }),
    );
  }

  /** A request to the bot's request URL, signed (or not) as Slack would. */
  async post(body: string, contentType: string, opts: { retryNum?: number | undefined; timestamp?: number; signature?: string } = {}): Promise<{ status: number; text: string }> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const started = Date.now();
    const res = await fetch(this.requestUrl!, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": opts.signature ?? signSlack(this.signingSecret, timestamp, body),
        ...(opts.retryNum !== undefined ? { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
      },
      body,
    });
    const text = await res.text();
    this.httpAnswers.push({ status: res.status, ms: Date.now() - started });
    return { status: res.status, text };
  }

  async stop(): Promise<void> {
    clearInterval(this.pinger);
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  // ——— the server ———

  private upgrade(req: IncomingMessage, socket: import("node:stream").Duplex, head: Buffer): void {
    if (!(req.url ?? "").startsWith("/link")) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      ws.on("close", () => this.sockets.delete(ws));
      ws.on("message", (data) => {
        try {
          const msg = JSON.parse(String(data)) as { envelope_id?: string };
          if (msg.envelope_id) this.acks.set(msg.envelope_id, Date.now() - (this.sentAt.get(msg.envelope_id) ?? Date.now()));
        } catch {
          /* not JSON: ignored, as Slack would */
        }
      });
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake-slack", approximate_connection_time: 18060 }, connection_info: { app_id: this.appId } }));
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith("/upload/")) {
      const id = url.pathname.slice("/upload/".length);
      const u = this.uploads.get(id);
      if (!u) return json(404, { ok: false });
      u.bytes = raw.length;
      res.writeHead(200).end("OK - " + raw.length);
      return;
    }
    const download = /^\/files-pri\/[A-Z0-9]+-([A-Z0-9]+)\/download\/[^/]+$/.exec(url.pathname);
    if (download) {
      // Slack answers a download without the bot token with its sign-in page; here a plain 401.
      const fileId = download[1]!;
      const f = this.shared.get(fileId);
      const status = req.headers.authorization !== `Bearer ${this.botToken}` ? 401 : f ? 200 : 404;
      this.downloads.push({ fileId, status });
      if (status !== 200) return void res.writeHead(status, { "content-type": "text/plain" }).end(status === 401 ? "not_authed" : "file_not_found");
      res.writeHead(200, { "content-type": f!.mimetype, "content-length": String(f!.content.length) }).end(f!.content);
      return;
    }
    if (url.pathname.startsWith("/respond/")) {
      const target = this.responseUrls.get(url.pathname.slice("/respond/".length));
      if (!target) return json(404, { ok: false, error: "expired_url" });
      const body = JSON.parse(raw.toString("utf8")) as { response_type?: string; replace_original?: boolean; text?: string; blocks?: Block[] };
      const blocks = body.blocks ?? [];
      if (blocksProblem(blocks, 50)) return json(400, { ok: false, error: "invalid_blocks" });
      if (body.replace_original && target.messageTs) this.posted.push({ kind: "update", channel: target.channel, ts: target.messageTs, text: body.text ?? "", blocks });
      else if (body.response_type === "in_channel") this.posted.push({ kind: "post", channel: target.channel, ts: this.ts(), text: body.text ?? "", blocks });
      else this.posted.push({ kind: "ephemeral", channel: target.channel, user: target.user, ts: this.ts(), text: body.text ?? "", blocks });
      return json(200, { ok: true });
    }
    const m = /^\/api\/([A-Za-z.]+)$/.exec(url.pathname);
    if (!m) return json(404, { ok: false, error: "unknown_method" });
    const method = m[1]!;
    const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const text = raw.toString("utf8");
    if (text) {
      if ((req.headers["content-type"] ?? "").includes("json")) Object.assign(params, JSON.parse(text) as Record<string, unknown>);
      else if ((req.headers["content-type"] ?? "").includes("urlencoded")) Object.assign(params, Object.fromEntries(new URLSearchParams(text)));
    }
    const token = (req.headers.authorization ?? "").replace(/^Bearer\s+/, "") || String(params.token ?? "");
    const answer = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      this.calls.push({ method, params, status, ...(body.ok === false ? { error: String(body.error) } : {}) });
      json(status, body, headers);
    };
    const fail = (error: string) => answer(200, { ok: false, error });
    const wanted = method === "apps.connections.open" ? this.appToken : this.botToken;
    if (token !== wanted) return fail(token ? "invalid_auth" : "not_authed");
    const f = this.failures.find((x) => x.method === method && x.times > 0);
    if (f) {
      f.times--;
      if (f.error === "ratelimited") return answer(429, { ok: false, error: "ratelimited" }, { "retry-after": String(f.retryAfter ?? 1) });
      return fail(f.error);
    }
    const blocksOf = (v: unknown): Block[] => (typeof v === "string" ? (JSON.parse(v) as Block[]) : ((v as Block[] | undefined) ?? []));
    const knownChannel = (c: string) => c.startsWith("C") || [...this.users.values()].some((u) => u.dm === c);
    switch (method) {
      case "auth.test":
        return answer(200, { ok: true, url: "https://sokhcn.slack.com/", team: "Sở KH&CN", user: "sokhcn", team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId, is_enterprise_install: false });
      case "apps.connections.open":
        return answer(200, { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=${randomBytes(8).toString("hex")}&app_id=${this.appId}` });
      case "users.info": {
        const u = this.users.get(String(params.user));
        if (!u) return fail("user_not_found");
        return answer(200, {
          ok: true,
          user: { id: u.id, team_id: this.teamId, name: u.name, real_name: u.realName, deleted: u.deleted, is_bot: false, profile: { real_name: u.realName, display_name: u.realName, ...(u.email ? { email: u.email } : {}) } },
        });
      }
      case "conversations.open": {
        const u = this.users.get(String(params.users));
        if (!u) return fail("user_not_found");
        if (u.deleted) return fail("account_inactive");
        return answer(200, { ok: true, channel: { id: u.dm } });
      }
      case "chat.postMessage":
      case "chat.postEphemeral": {
        const channel = String(params.channel ?? "");
        const blocks = blocksOf(params.blocks);
        if (!knownChannel(channel)) return fail("channel_not_found");
        const owner = [...this.users.values()].find((u) => u.dm === channel);
        if (owner?.deleted) return fail("account_inactive");
        if (!params.text && !blocks.length) return fail("no_text");
        const problem = blocksProblem(blocks, 50);
        if (problem) return fail(problem);
        const ts = this.ts();
        const ephemeral = method === "chat.postEphemeral";
        this.posted.push({ kind: ephemeral ? "ephemeral" : "post", channel, ...(ephemeral ? { user: String(params.user) } : {}), ts, text: String(params.text ?? ""), blocks });
        return answer(200, ephemeral ? { ok: true, message_ts: ts } : { ok: true, channel, ts, message: { ts, text: params.text, blocks } });
      }
      case "chat.update": {
        const channel = String(params.channel ?? "");
        const ts = String(params.ts ?? "");
        if (!this.posted.some((p) => p.channel === channel && p.ts === ts && p.kind === "post")) return fail("message_not_found");
        const blocks = blocksOf(params.blocks);
        const problem = blocksProblem(blocks, 50);
        if (problem) return fail(problem);
        this.posted.push({ kind: "update", channel, ts, text: String(params.text ?? ""), blocks });
        return answer(200, { ok: true, channel, ts });
      }
      case "views.publish": {
        const view = (typeof params.view === "string" ? JSON.parse(params.view) : params.view) as { type?: string; blocks?: Block[] };
        if (view?.type !== "home" || !this.users.has(String(params.user_id))) return fail("invalid_arguments");
        if (blocksProblem(view.blocks ?? [], 100)) return fail("invalid_blocks");
        this.views.set(String(params.user_id), [...(this.views.get(String(params.user_id)) ?? []), { blocks: view.blocks ?? [] }]);
        return answer(200, { ok: true, view: { id: rid("V"), type: "home" } });
      }
      case "files.info": {
        if (!this.shared.has(String(params.file ?? ""))) return fail("file_not_found");
        return answer(200, { ok: true, file: this.fileObject(String(params.file)) });
      }
      case "files.getUploadURLExternal": {
        const id = rid("F");
        this.uploads.set(id, { filename: String(params.filename ?? ""), bytes: 0 });
        return answer(200, { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id });
      }
      case "files.completeUploadExternal": {
        const files = (typeof params.files === "string" ? JSON.parse(params.files) : params.files) as { id: string; title?: string }[];
        const channel = String(params.channel_id ?? "");
        if (!knownChannel(channel)) return fail("channel_not_found");
        const out = [];
        for (const f of files) {
          const u = this.uploads.get(f.id);
          if (!u || u.bytes === 0) return fail("file_not_found");
          this.posted.push({ kind: "file", channel, ts: this.ts(), text: String(params.initial_comment ?? ""), blocks: [], fileName: u.filename, fileBytes: u.bytes });
          out.push({ id: f.id, name: u.filename, title: f.title ?? u.filename });
        }
        return answer(200, { ok: true, files: out });
      }
      default:
        return fail("unknown_method");
    }
  }
}
