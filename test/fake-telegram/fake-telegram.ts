// A fake Telegram Bot API server for end-to-end tests. The real bot talks to it through
// grammY's `client.apiRoot`; tests drive simulated users and inspect what the bot did.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeContext } from "./context.js";
import { decodeParams } from "./decode-params.js";
import { runMethod } from "./dispatch.js";
import { FaultInjector, type DropOptions, type FaultScope, type MethodMatcher } from "./faults.js";
import { FileStore } from "./file-store.js";
import { createRequestHandler } from "./http-front.js";
import { getWebhookInfo } from "./methods/updates.js";
import { ObservableLog } from "./observable-log.js";
import { RateLimiter, type RateLimitOptions } from "./rate-limit.js";
import type {
  TgContact,
  CallRecord,
  ErrorSpec,
  MessageRef,
  SentRecord,
  StoredFile,
  TgBotCommand,
  TgBotUser,
  TgCallbackQuery,
  TgChat,
  TgMessage,
  TgUpdate,
  TgUser,
  WebhookDelivery,
} from "./types.js";
import { PollAborted, UpdateQueue } from "./update-queue.js";
import * as actions from "./user-actions.js";
import { WebhookManager } from "./webhook.js";
import { type CallbackRecord, World } from "./world.js";

export interface FakeTelegramOptions {
  /** Bot token; default a random valid-looking one (`<bot id>:AA<33 chars>`). */
  token?: string;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  bot?: {
    id?: number;
    firstName?: string;
    username?: string;
    canJoinGroups?: boolean;
    /** false = privacy mode (Telegram's default): in groups only commands and replies reach the bot. */
    canReadAllGroupMessages?: boolean;
    supportsInlineQueries?: boolean;
  };
  /** First update_id handed out (default 100000001). */
  firstUpdateId?: number;
  /** Pause before re-POSTing an update the webhook did not accept (default 50 ms). */
  webhookRetryDelayMs?: number;
  /** How long a webhook POST may take before it counts as failed (default 10 s; Telegram ~60 s). */
  webhookTimeoutMs?: number;
  /** Cap on getUpdates' timeout in seconds (default 50, Telegram's). */
  maxLongPollSeconds?: number;
  /** Debug lines (calls and their outcomes); silent by default. */
  log?: (line: string) => void;
}

export interface UserOptions {
  id?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** false: the user never opened the bot, so the bot cannot write first (403). Default true. */
  started?: boolean;
}

export interface GroupOptions {
  id?: number;
  title?: string;
  /** Default "supergroup". */
  type?: "group" | "supergroup";
  username?: string;
  /** An admin bot sees every message despite privacy mode and may delete others' messages. */
  botIsAdmin?: boolean;
}

export interface WaitOptions {
  timeoutMs?: number;
}

export interface WaitForMessageOptions extends WaitOptions {
  textIncludes?: string;
  predicate?: (message: TgMessage, record: SentRecord) => boolean;
  /** Only messages sent after this moment (Date.now() ms), or with a higher id than this message. */
  after?: number | MessageRef;
  /** Count edits as well (default true). */
  includeEdits?: boolean;
}

export interface PostToWebhookOptions {
  /** The secret header to send: omitted = the configured secret, null = no header. */
  secret?: string | null;
  /** Default: the URL set with setWebhook. */
  url?: string;
}

const TOKEN_RE = /^\d+:[A-Za-z0-9_-]{35}$/;
const SEND_METHODS = new Set(["sendmessage", "senddocument", "sendphoto"]);

function randomToken(id: number): string {
  return `${id}:AA${randomBytes(33).toString("base64url").slice(0, 33)}`;
}

export class FakeTelegram {
  readonly token: string;
  readonly apiRoot: string;
  readonly port: number;
  /** Unexpected exceptions inside the fake (bugs); tests may assert this stays empty. */
  readonly internalErrors: Error[];
  private readonly server: Server;
  private readonly ctx: FakeContext;
  private readonly faults: FaultInjector;
  private readonly callLog: ObservableLog<CallRecord>;
  private readonly stopController: AbortController;
  private stopped = false;

  private constructor(parts: {
    server: Server;
    token: string;
    host: string;
    ctx: FakeContext;
    callLog: ObservableLog<CallRecord>;
    faults: FaultInjector;
    internalErrors: Error[];
    stopController: AbortController;
  }) {
    this.server = parts.server;
    this.token = parts.token;
    this.port = (parts.server.address() as AddressInfo).port;
    this.apiRoot = `http://${parts.host}:${this.port}`;
    this.ctx = parts.ctx;
    this.callLog = parts.callLog;
    this.faults = parts.faults;
    this.internalErrors = parts.internalErrors;
    this.stopController = parts.stopController;
  }

  static async start(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const token = opts.token ?? randomToken(opts.bot?.id ?? 7_000_000_000 + Math.floor(Math.random() * 900_000_000));
    if (!TOKEN_RE.test(token)) throw new Error("FakeTelegram: token must look like <digits>:<35 chars of A-Za-z0-9_->");
    const bot: TgBotUser = {
      id: Number(token.split(":")[0]),
      is_bot: true,
      first_name: opts.bot?.firstName ?? "Trợ lý Sở KH&CN (thử nghiệm)",
      username: opts.bot?.username ?? "sokhcn_test_bot",
      can_join_groups: opts.bot?.canJoinGroups ?? true,
      can_read_all_group_messages: opts.bot?.canReadAllGroupMessages ?? false,
      supports_inline_queries: opts.bot?.supportsInlineQueries ?? false,
      can_connect_to_business: false,
      has_main_web_app: false,
    };
    const queue = new UpdateQueue(opts.firstUpdateId ?? 100_000_001);
    const callLog = new ObservableLog<CallRecord>(
      (items) => `Calls so far: ${items.slice(-15).map((c) => `${c.method}(${c.outcome})`).join(", ") || "none"}`,
    );
    const sent = new ObservableLog<SentRecord>(
      (items) => `Sent so far: ${items.slice(-10).map((s) => `[${s.message.chat.id}] ${JSON.stringify(s.message.text ?? s.message.caption ?? "")}`).join(", ") || "none"}`,
    );
    const log = opts.log ?? ((): void => undefined);
    let self: FakeTelegram | undefined;
    const webhook = new WebhookManager(queue, {
      retryDelayMs: opts.webhookRetryDelayMs ?? 50,
      timeoutMs: opts.webhookTimeoutMs ?? 10_000,
      onReply: async (method, params) => self?.runWebhookReply(method, params),
    });
    const ctx: FakeContext = {
      world: new World(bot),
      files: new FileStore(),
      queue,
      webhook,
      sent,
      maxLongPollSeconds: opts.maxLongPollSeconds ?? 50,
    };
    const internalErrors: Error[] = [];
    const faults = new FaultInjector();
    const stopController = new AbortController();
    const handler = createRequestHandler({
      ctx,
      token,
      faults,
      calls: callLog,
      internalErrors,
      log,
      stopSignal: stopController.signal,
      rateLimit: () => self?.rateLimiter,
    });
    const server = createServer(handler);
    server.on("clientError", (_error, socket) => {
      if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
      else socket.destroy();
    });
    const host = opts.host ?? "127.0.0.1";
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    self = new FakeTelegram({ server, token, host, ctx, callLog, faults, internalErrors, stopController });
    return self;
  }

  // ---- identity -------------------------------------------------------------------------

  /** What getMe answers. */
  get botInfo(): TgBotUser {
    return this.ctx.world.bot;
  }

  // ---- simulated users and chats --------------------------------------------------------

  /** A user whose private chat with the bot has the same id. */
  user(opts: UserOptions = {}): TgUser {
    return this.ctx.world.createUser(opts);
  }

  /** A group or supergroup (default) with the bot as a member. */
  group(opts: GroupOptions = {}): TgChat {
    return this.ctx.world.createGroup(opts);
  }

  /** The user writes `text` (commands become bot_command entities). Returns the user's message. */
  sendText(user: TgUser, text: string, opts?: actions.UserTextOptions): TgMessage {
    return actions.sendText(this.ctx, user, text, opts);
  }

  /** Opens t.me/<bot>?start=<payload> (also unblocks a blocked bot, like "Restart"). */
  startBot(user: TgUser, payload?: string): TgMessage {
    return actions.startBot(this.ctx, user, payload);
  }

  sendDocument(user: TgUser, doc: actions.UserDocument, opts?: actions.UserFileOptions): TgMessage {
    return actions.sendDocument(this.ctx, user, doc, opts);
  }

  sendContact(user: TgUser, contact: TgContact): TgMessage {
    return actions.sendContact(this.ctx, user, contact);
  }

  sendPhoto(user: TgUser, photo: actions.UserPhoto, opts?: actions.UserFileOptions): TgMessage {
    return actions.sendPhoto(this.ctx, user, photo, opts);
  }

  /** Presses an inline button of one of the bot's messages (checked to exist unless `force`). */
  pressButton(user: TgUser, message: MessageRef, callbackData: string, opts?: actions.PressOptions): TgCallbackQuery {
    return actions.pressButton(this.ctx, user, message, callbackData, opts);
  }

  pressButtonByText(user: TgUser, message: MessageRef, text: string): TgCallbackQuery {
    return actions.pressButtonByText(this.ctx, user, message, text);
  }

  /** my_chat_member (member → kicked); later sends to the user fail with 403. */
  blockBot(user: TgUser): TgUpdate {
    return actions.setBlocked(this.ctx, user, true);
  }

  unblockBot(user: TgUser): TgUpdate {
    return actions.setBlocked(this.ctx, user, false);
  }

  removeBotFromGroup(group: TgChat | number, by: TgUser, opts: { ban?: boolean } = {}): TgUpdate {
    return actions.removeBotFromGroup(this.ctx, group, by, opts.ban ?? false);
  }

  /** Upgrades a basic group; returns the new supergroup. */
  migrateGroup(group: TgChat | number, by: TgUser): TgChat {
    return actions.migrateGroup(this.ctx, group, by);
  }

  /** Queues any update (update_id assigned when missing). Types outside allowed_updates are dropped. */
  pushUpdate(raw: Omit<TgUpdate, "update_id"> & { update_id?: number }): TgUpdate {
    const { update } = this.ctx.queue.push(raw);
    return update;
  }

  // ---- updates --------------------------------------------------------------------------

  /** The highest offset confirmed so far (by getUpdates or an accepted webhook POST). */
  get confirmedOffset(): number {
    return this.ctx.queue.confirmedOffset;
  }

  get pendingUpdateCount(): number {
    return this.ctx.queue.pendingCount;
  }

  get pendingUpdates(): TgUpdate[] {
    return this.ctx.queue.snapshot();
  }

  /** True while a getUpdates long poll is being held open. */
  get hasPendingLongPoll(): boolean {
    return this.ctx.queue.hasPendingPoll;
  }

  /** Resolves once a getUpdates long poll is being held open. */
  async waitForLongPoll(opts: WaitOptions = {}): Promise<void> {
    const deadline = Date.now() + (opts.timeoutMs ?? 5000);
    while (!this.ctx.queue.hasPendingPoll) {
      if (Date.now() > deadline) throw new Error("FakeTelegram: no getUpdates long poll arrived in time");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  // ---- webhook --------------------------------------------------------------------------

  /** What getWebhookInfo answers now. */
  get webhookInfo(): Record<string, unknown> {
    return getWebhookInfo(this.ctx);
  }

  /** Every webhook POST attempt with its answer status. */
  get webhookDeliveries(): readonly WebhookDelivery[] {
    return this.ctx.webhook.deliveries.items;
  }

  /** The first webhook POST attempt, past or future, matching the predicate (default: any). */
  waitForWebhookDelivery(
    predicate: (delivery: WebhookDelivery) => boolean = () => true,
    opts: WaitOptions = {},
  ): Promise<WebhookDelivery> {
    return this.ctx.webhook.deliveries.waitFor(predicate, opts.timeoutMs ?? 5000, "a webhook delivery");
  }

  /** One POST of `update` to the webhook with any secret header; returns the HTTP status. */
  async postToWebhook(update: Partial<TgUpdate>, opts: PostToWebhookOptions = {}): Promise<number> {
    const url = opts.url ?? this.ctx.webhook.config?.url;
    if (url === undefined) throw new Error("FakeTelegram: no webhook is set (pass opts.url)");
    const secret = opts.secret === undefined ? this.ctx.webhook.config?.secretToken : (opts.secret ?? undefined);
    const full = update.update_id === undefined ? { update_id: this.ctx.queue.allocateId(), ...update } : update;
    const result = await this.ctx.webhook.post(full, url, secret);
    if (result.error !== undefined) throw new Error(`FakeTelegram: webhook POST failed: ${result.error}`);
    return result.status;
  }

  // ---- fault injection ------------------------------------------------------------------

  /** The next matching call(s) fail with this error ("*" = any method but getUpdates). */
  failNext(method: MethodMatcher, error: ErrorSpec, scope: FaultScope = {}): void {
    this.faults.add("fail", method, scope, { error });
  }

  /** The next matching call(s) get their socket destroyed without an answer. */
  dropConnection(method: MethodMatcher, opts: DropOptions = {}): void {
    this.faults.add("drop", method, opts, { afterProcessing: opts.afterProcessing ?? false });
  }

  /** Matching calls wait `ms` before being handled (every call unless `times`); 0 removes. */
  delay(method: MethodMatcher, ms: number, scope: FaultScope = {}): void {
    if (ms <= 0) this.faults.removeDelays(method);
    else this.faults.add("delay", method, scope, { ms });
  }

  clearFaults(): void {
    this.faults.clear();
  }

  private rateLimiter: RateLimiter | undefined;

  /**
   * From now on, more than `perSecond` sending calls in any rolling second get 429 with
   * `retry_after` (Telegram's bulk limit); returns the limiter, whose `refused` counts them.
   */
  enforceRateLimit(opts: RateLimitOptions): RateLimiter {
    this.rateLimiter = new RateLimiter(opts);
    return this.rateLimiter;
  }

  // ---- observation ----------------------------------------------------------------------

  /** Every request, in the order they completed. */
  get calls(): readonly CallRecord[] {
    return this.callLog.items;
  }

  callsTo(method: string): CallRecord[] {
    const lower = method.toLowerCase();
    return this.callLog.items.filter((c) => c.method.toLowerCase() === lower);
  }

  /** Messages the bot sent or edited (successful sendMessage/sendDocument/sendPhoto/edit*), in order. */
  sent(chatId?: number): TgMessage[] {
    return this.ctx.sent.items.filter((s) => chatId === undefined || s.message.chat.id === chatId).map((s) => s.message);
  }

  get sentRecords(): readonly SentRecord[] {
    return this.ctx.sent.items;
  }

  /** Every update pushed (by user actions or pushUpdate), including ones filtered out. */
  get updates(): readonly TgUpdate[] {
    return this.ctx.queue.history;
  }

  /** The first call, past or future, matching the predicate. */
  waitFor(predicate: (call: CallRecord) => boolean, opts: WaitOptions = {}): Promise<CallRecord> {
    return this.callLog.waitFor(predicate, opts.timeoutMs ?? 5000, "a matching call");
  }

  /** The first message, past or future, the bot sent (or edited) in this chat matching the options. */
  async waitForMessage(chatId: number, opts: WaitForMessageOptions = {}): Promise<TgMessage> {
    const after = opts.after;
    const includeEdits = opts.includeEdits ?? true;
    const record = await this.ctx.sent.waitFor(
      (s) => {
        const m = s.message;
        if (m.chat.id !== chatId) return false;
        if (!includeEdits && !SEND_METHODS.has(s.method.toLowerCase())) return false;
        if (typeof after === "number" && s.at < after) return false;
        if (typeof after === "object" && m.message_id <= after.message_id) return false;
        const text = m.text ?? m.caption ?? "";
        if (opts.textIncludes !== undefined && !text.includes(opts.textIncludes)) return false;
        return opts.predicate === undefined || opts.predicate(m, s);
      },
      opts.timeoutMs ?? 5000,
      `a message in chat ${chatId}${opts.textIncludes !== undefined ? ` containing ${JSON.stringify(opts.textIncludes)}` : ""}`,
    );
    return record.message;
  }

  /** The chat's current messages (users' and the bot's, edits applied, deletions removed). */
  messages(chatId: number): TgMessage[] {
    const chat = this.ctx.world.chats.get(chatId);
    return chat === undefined ? [] : [...chat.messages.values()].sort((a, b) => a.message_id - b.message_id);
  }

  message(chatId: number, messageId: number): TgMessage | undefined {
    return this.ctx.world.chats.get(chatId)?.messages.get(messageId);
  }

  /** A stored file (bytes, name, MIME type) by file_id. */
  file(fileId: string): StoredFile | undefined {
    return this.ctx.files.get(fileId);
  }

  files(): StoredFile[] {
    return this.ctx.files.all();
  }

  /** Commands stored by setMyCommands for a scope (default {type:"default"}) and language. */
  commands(opts: { scope?: Record<string, unknown>; languageCode?: string } = {}): TgBotCommand[] {
    const scope = opts.scope;
    let key = "default";
    if (scope !== undefined) {
      const type = String(scope["type"]);
      key = type;
      if (scope["chat_id"] !== undefined) key += `:${String(scope["chat_id"])}`;
      if (scope["user_id"] !== undefined) key += `:${String(scope["user_id"])}`;
    }
    return this.ctx.world.commands.get(`${key}|${opts.languageCode ?? ""}`) ?? [];
  }

  /** How the bot answered a callback query (undefined while unanswered). */
  callbackAnswer(queryId: string): CallbackRecord["answer"] {
    return this.ctx.world.callbackQueries.get(queryId)?.answer;
  }

  menuButton(chatId?: number): Record<string, unknown> | undefined {
    return this.ctx.world.menuButtons.get(chatId === undefined ? "default" : String(chatId));
  }

  // ---- lifecycle ------------------------------------------------------------------------

  /**
   * Back to a fresh state: users, chats, messages, files, pending updates, webhook, commands,
   * faults and logs are forgotten. Token, port and bot identity stay; update ids keep growing
   * so a bot that is still polling does not skip new updates.
   */
  reset(): void {
    this.ctx.world.clear();
    this.ctx.files.clear();
    this.ctx.queue.clear();
    this.ctx.webhook.clear();
    this.faults.clear();
    this.callLog.clear();
    this.ctx.sent.clear();
  }

  /** Closes the server now: pending long polls and open connections are cut. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.stopController.abort();
    this.ctx.webhook.stop();
    this.ctx.queue.abortPoll(new PollAborted());
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    this.callLog.rejectAll("FakeTelegram stopped");
    this.ctx.sent.rejectAll("FakeTelegram stopped");
    this.ctx.webhook.deliveries.rejectAll("FakeTelegram stopped");
  }

  private async runWebhookReply(method: string, raw: Record<string, unknown>): Promise<void> {
    const at = Date.now();
    const params = decodeParams({
      contentType: "application/json",
      query: new URLSearchParams(),
      body: Buffer.from(JSON.stringify(raw)),
    });
    const outcome = await runMethod(this.ctx, { method, params, signal: new AbortController().signal });
    this.callLog.push({
      seq: this.callLog.items.length + 1,
      method,
      params,
      at,
      durationMs: Date.now() - at,
      status: outcome.status,
      response: outcome.response,
      outcome: outcome.response.ok ? "ok" : "error",
      source: "webhook-reply",
    });
  }
}
