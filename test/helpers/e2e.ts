// End-to-end harness: the real service (startApp: migrations, seed, bot, runner, sender)
// against the fake Telegram Bot API server on 127.0.0.1, with a fresh database.
//
//   const e2e = await E2E.start();                 // SQLite, demo staff, polling
//   const lan = await e2e.login("KH02");          // a Telegram user bound through a real invite
//   const [reply] = await e2e.say(lan, "/trogiup"); // waits until the bot has handled it
//   const { answer, messages } = await e2e.press(lan, reply, "caidat:lang:en");
//   await e2e.deliver();                           // runs the outbox sender until nothing is due
//   await e2e.stop();
//
// `say`/`press` resolve when the update is marked handled in the database (dedupe middleware)
// and return what the bot sent or edited in that chat meanwhile. Options: provider
// ("postgres" uses the server on 127.0.0.1:5432), clock (default: frozen at TEST_NOW, a working
// Wednesday at 09:00 in Hà Nội, whatever the hour outside; `e2e.now()` reads it),
// env (more configuration), sender (limits; fast by default), mode "webhook".
import type { Db } from "../../bot/db/client.js";
import { type AppOptions, type RunningApp, startApp } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import type { DrainStats, SenderOptions } from "../../bot/delivery/sender.js";
import { createInvite } from "../../bot/services/invites.js";
import { DEMO_STAFF, type DemoStaff, loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { FakeTelegram } from "../fake-telegram/index.js";
import { FakeZalo, type ZaloSentMessage, type ZaloUser } from "../fake-zalo/index.js";
import { buttonsOf, FakeSlack, type SlackPosted, type SlackUser, textOfBlocks } from "../fake-slack/index.js";
import type { TgCallbackQuery, TgChat, TgMessage, TgUser } from "../fake-telegram/types.js";
import { TEST_NOW } from "./clock.js";
import { createTestDatabaseUrl } from "./db.js";
import { memoryLogger } from "./logger.js";
import { formatProblems, untranslated } from "./screens.js";

export interface E2EOptions {
  provider?: "sqlite" | "postgres";
  clock?: () => Date;
  /** Staff to load (default: the demo staff); false for none. */
  staff?: DemoStaff[] | false;
  env?: Record<string, string>;
  sender?: Partial<SenderOptions>;
  /** Run the sender in the background (default false: call deliver()). */
  backgroundSender?: boolean;
  mode?: "polling" | "webhook";
  /** Reuse a database (e.g. for a restart); default: a new one. */
  databaseUrl?: string;
  /** Reuse a fake Telegram server (e.g. for a restart). */
  telegram?: FakeTelegram;
  instanceId?: string;
  /** Also run the Zalo channel against a fake Zalo Bot API (polling, or its webhook). */
  zalo?: "polling" | "webhook";
  /** Also run the Slack channel against a fake Slack (Socket Mode, or signed HTTP requests). */
  slack?: "socket" | "http";
}

/** A port free on 127.0.0.1 now (for configuration that must name the address before start). */
async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export const FAST_SENDER: Partial<SenderOptions> = {
  limits: { perSecond: 1000, perChatIntervalMs: 0, groupPerMinute: 1000 },
  pollIntervalMs: 50,
  leaseMs: 2000,
};

export class E2E {
  private nextUserId = 700_000_001;
  private constructor(
    readonly tg: FakeTelegram,
    readonly app: RunningApp,
    readonly databaseUrl: string,
    readonly logLines: string[],
    private dropDatabase: (() => Promise<void>) | undefined,
    private ownsTelegram: boolean,
    private readonly opts: E2EOptions,
    readonly zalo: FakeZalo | undefined = undefined,
    readonly slack: FakeSlack | undefined = undefined,
  ) {}

  get db(): Db {
    return this.app.db.prisma;
  }

  static async start(opts: E2EOptions = {}): Promise<E2E> {
    const tg = opts.telegram ?? (await FakeTelegram.start());
    let url = opts.databaseUrl;
    let drop: (() => Promise<void>) | undefined;
    if (!url) ({ url, drop } = await createTestDatabaseUrl(opts.provider ?? "sqlite"));
    const webhook = opts.mode === "webhook";
    const zalo = opts.zalo ? await FakeZalo.start() : undefined;
    const zaloPort = zalo ? await freePort() : undefined;
    const zaloEnv: Record<string, string> = zalo
      ? {
          ZALO_BOT_TOKEN: zalo.token,
          ZALO_API_ROOT: zalo.apiRoot,
          PORT: String(zaloPort),
          HOST: "127.0.0.1",
          PUBLIC_URL: `http://127.0.0.1:${zaloPort}`,
          ...(opts.zalo === "webhook" ? { ZALO_MODE: "webhook", ZALO_WEBHOOK_URL: `http://127.0.0.1:${zaloPort}/zalo`, ZALO_WEBHOOK_SECRET: "zalo_e2e_secret" } : {}),
        }
      : {};
    const slack = opts.slack ? await FakeSlack.start() : undefined;
    const slackPort = slack && opts.slack === "http" && !zaloPort ? await freePort() : zaloPort;
    const slackEnv: Record<string, string> = slack
      ? {
          SLACK_BOT_TOKEN: slack.botToken,
          SLACK_API_URL: slack.apiUrl,
          ...(opts.slack === "http"
            ? { SLACK_MODE: "http", SLACK_SIGNING_SECRET: slack.signingSecret, PORT: String(slackPort), HOST: "127.0.0.1" }
            : { SLACK_APP_TOKEN: slack.appToken }),
        }
      : {};
    const config = loadConfig({
      BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      DATABASE_URL: url,
      LOG_LEVEL: "info",
      INSTANCE_ID: opts.instanceId ?? `e2e-${Math.random().toString(36).slice(2, 8)}`,
      ...(webhook ? { BOT_MODE: "webhook", PORT: "0", HOST: "127.0.0.1", WEBHOOK_URL: "http://127.0.0.1/telegram", WEBHOOK_SECRET: "e2e_secret-123" } : {}),
      ...zaloEnv,
      ...slackEnv,
      ...opts.env,
    });
    const { logger, lines } = memoryLogger();
    const appOpts: AppOptions = {
      logger,
      scheduler: false,
      backgroundSender: opts.backgroundSender ?? false,
      sender: { ...FAST_SENDER, ...opts.sender },
      clock: opts.clock ?? (() => TEST_NOW),
    };
    const app = await startApp(config, appOpts);
    if (webhook) {
      // The real URL is only known once the HTTP server listens on its random port.
      await app.app.bot.api.setWebhook(`http://127.0.0.1:${app.http!.port}/telegram`, { secret_token: "e2e_secret-123" });
    }
    if (opts.staff !== false && !opts.databaseUrl) await loadDemoStaff(app.db.prisma, opts.staff || DEMO_STAFF);
    if (slack && opts.slack === "http") slack.requestUrl = `http://127.0.0.1:${app.http!.port}/slack/events`;
    return new E2E(tg, app, url, lines, drop, !opts.telegram, opts, zalo, slack);
  }

  /** The service's time now (its clock: TEST_NOW unless the test chose another). */
  now(): Date {
    return this.app.app.deps.clock();
  }

  /** A new Telegram user, not bound to anyone. */
  stranger(opts: { firstName?: string; languageCode?: string } = {}): TgUser {
    return this.tg.user({ id: this.nextUserId++, firstName: opts.firstName ?? "Người lạ", languageCode: opts.languageCode ?? "vi" });
  }

  /** A Telegram user bound to the staff member `code` through a real invite and /start. */
  async login(code: string, opts: { languageCode?: string } = {}): Promise<TgUser> {
    const staff = await this.db.staff.findUniqueOrThrow({ where: { code } });
    const user = this.tg.user({ id: this.nextUserId++, firstName: staff.fullName.split(" ").pop()!, languageCode: opts.languageCode ?? "vi" });
    const invite = await createInvite(this.db, { staffCode: code, ttlHours: 1, now: this.now(), actor: "e2e" });
    if (!invite.ok) throw new Error(`cannot invite ${code}: ${invite.reason}`);
    const replies = await this.say(user, `/start ${invite.invite}`);
    if (!replies.some((m) => (m.text ?? "").includes(staff.fullName))) throw new Error(`binding ${code} failed: ${replies.map((m) => m.text).join(" | ")}`);
    return user;
  }

  /** Waits until the bot has finished with an update (its dedupe record is marked done). The
   *  bound is a hang guard, not a speed check: a loaded 2-core machine has taken over 10 s. */
  async handled(updateId: number, timeoutMs = 25_000): Promise<void> {
    await this.handledKey(`telegram:${this.tg.botInfo.id}:${updateId}`, timeoutMs);
  }

  private sentSince(index: number, chatId: number): TgMessage[] {
    return this.tg.sentRecords.slice(index).filter((s) => s.message.chat.id === chatId).map((s) => s.message);
  }

  /** The user writes `text` (in their private chat, or in `chat`); returns what the bot sent there. */
  async say(user: TgUser, text: string, opts: { chat?: TgChat } = {}): Promise<TgMessage[]> {
    const before = this.tg.sentRecords.length;
    const message = this.tg.sendText(user, text, opts.chat ? { chat: opts.chat } : undefined);
    await this.handled(this.lastUpdateId());
    return this.sentSince(before, opts.chat?.id ?? message.chat.id);
  }

  /** The user sends a document (e.g. an attachment to a report). */
  async sendDocument(user: TgUser, doc: { fileName: string; content: Buffer; mimeType?: string }, caption?: string): Promise<TgMessage[]> {
    const before = this.tg.sentRecords.length;
    const message = this.tg.sendDocument(user, { fileName: doc.fileName, content: doc.content, ...(doc.mimeType ? { mimeType: doc.mimeType } : {}) }, caption ? { caption } : undefined);
    await this.handled(this.lastUpdateId());
    return this.sentSince(before, message.chat.id);
  }

  /** The user shares a contact card: their own (`user_id` = theirs, as the share button sends) or someone else's. */
  async shareContact(user: TgUser, contact: { phone_number: string; first_name: string; user_id?: number }): Promise<TgMessage[]> {
    const before = this.tg.sentRecords.length;
    const message = this.tg.sendContact(user, contact);
    await this.handled(this.lastUpdateId());
    return this.sentSince(before, message.chat.id);
  }

  /**
   * The user presses a button with this callback data under one of the bot's messages.
   * `forge: true` sends callback data the message does not offer (a forged or stale button).
   */
  async press(
    user: TgUser,
    message: TgMessage,
    data: string,
    opts: { forge?: boolean } = {},
  ): Promise<{ answer: ReturnType<FakeTelegram["callbackAnswer"]>; messages: TgMessage[] }> {
    const before = this.tg.sentRecords.length;
    const query: TgCallbackQuery = this.tg.pressButton(user, message, data, opts.forge ? { force: true } : {});
    await this.handled(this.lastUpdateId());
    return { answer: this.tg.callbackAnswer(query.id), messages: this.sentSince(before, message.chat.id) };
  }

  /** Presses the button whose label contains `label`. */
  async pressLabel(user: TgUser, message: TgMessage, label: string) {
    const button = buttons(message).find((b) => b.text.includes(label));
    if (!button?.data) throw new Error(`no button "${label}" in: ${buttons(message).map((b) => b.text).join(", ")}`);
    return this.press(user, message, button.data);
  }

  private lastUpdateId(): number {
    return this.tg.updates.at(-1)!.update_id;
  }

  /** Runs the outbox sender until nothing is due. */
  deliver(): Promise<DrainStats> {
    return this.app.sender.drain();
  }

  /** Messages the bot sent to a chat (sends and edits), in order. */
  messagesTo(user: TgUser | number): TgMessage[] {
    return this.tg.sent(typeof user === "number" ? user : user.id);
  }

  /** Stops the service (gracefully) but keeps the database and the fake server. */
  async stopApp(): Promise<void> {
    await this.app.stop();
  }

  /** Starts the service again on the same database and fake server (a restart). */
  async restart(opts: Partial<E2EOptions> = {}): Promise<E2E> {
    await this.stopApp();
    const next = await E2E.start({ ...this.opts, ...opts, databaseUrl: this.databaseUrl, telegram: this.tg, staff: false });
    // The new one owns the database and the fake server now: stop() it, not this one.
    [next.dropDatabase, next.ownsTelegram, this.dropDatabase, this.ownsTelegram] = [this.dropDatabase, this.ownsTelegram, undefined, false];
    return next;
  }

  /** A Zalo user bound to the staff member `code` through a real invite, typed as "/start <invite>". */
  async zaloLogin(code: string): Promise<ZaloUser> {
    const staff = await this.db.staff.findUniqueOrThrow({ where: { code } });
    const user = this.zalo!.user(staff.fullName);
    const invite = await createInvite(this.db, { staffCode: code, ttlHours: 1, now: this.app.app.deps.clock(), actor: "e2e" });
    if (!invite.ok) throw new Error(`cannot invite ${code}: ${invite.reason}`);
    const replies = await this.zaloSay(user, `/start ${invite.invite}`);
    if (!replies.some((m) => m.text.includes(staff.fullName))) throw new Error(`Zalo binding ${code} failed: ${replies.map((m) => m.text).join(" | ")}`);
    return user;
  }

  /** The Zalo user writes `text`; returns what the bot sent them meanwhile. */
  async zaloSay(user: ZaloUser, text: string): Promise<ZaloSentMessage[]> {
    const before = this.zalo!.sent.length;
    const event = await this.zalo!.sendText(user, text);
    await this.handledKey(this.zalo!.eventKey(event));
    return this.zalo!.sent.slice(before).filter((m) => m.chatId === user.id);
  }

  /** A Slack user bound to the staff member `code` through a real invite, typed as "start <invite>". */
  async slackLogin(code: string): Promise<SlackUser> {
    const staff = await this.db.staff.findUniqueOrThrow({ where: { code } });
    const user = this.slack!.user({ name: staff.fullName });
    const invite = await createInvite(this.db, { staffCode: code, ttlHours: 1, now: this.app.app.deps.clock(), actor: "e2e" });
    if (!invite.ok) throw new Error(`cannot invite ${code}: ${invite.reason}`);
    const replies = await this.slackSay(user, `start ${invite.invite}`);
    if (!replies.some((m) => textOfBlocks(m).includes(staff.fullName))) throw new Error(`Slack binding ${code} failed: ${replies.map((m) => textOfBlocks(m)).join(" | ")}`);
    return user;
  }

  private slackSince(before: number, channel: string): SlackPosted[] {
    return this.slack!.posted.slice(before).filter((m) => m.channel === channel);
  }

  /** The Slack user writes `text` in their DM with the app; returns what the bot put there meanwhile. */
  async slackSay(user: SlackUser, text: string, opts: { retryNum?: number; eventId?: string } = {}): Promise<SlackPosted[]> {
    const before = this.slack!.posted.length;
    const id = await this.slack!.dm(user, text, opts);
    await this.handledKey(`slack:${this.slack!.teamId}:${id}`);
    return this.slackSince(before, user.dm);
  }

  /** The Slack user shares a file in their DM with the app (a comment optional). */
  async slackShareFile(user: SlackUser, file: { fileName: string; content: Buffer; mimeType?: string }, comment = ""): Promise<SlackPosted[]> {
    const before = this.slack!.posted.length;
    const id = await this.slack!.shareFile(user, file, comment);
    await this.handledKey(`slack:${this.slack!.teamId}:${id}`);
    return this.slackSince(before, user.dm);
  }

  /** `/sokhcn <text>` in a conversation (default: the DM with the app). */
  async slackSlash(user: SlackUser, text: string, opts: { channel?: string } = {}): Promise<SlackPosted[]> {
    const before = this.slack!.posted.length;
    const trigger = await this.slack!.slash(user, text, opts);
    await this.handledKey(`slack:${this.slack!.teamId}:cmd:${trigger}`);
    return this.slackSince(before, opts.channel ?? user.dm);
  }

  /** The Slack user presses the button with this value (the action codec's string) under a message. */
  async slackPress(user: SlackUser, message: SlackPosted, value: string): Promise<SlackPosted[]> {
    const before = this.slack!.posted.length;
    const trigger = await this.slack!.press(user, message, value);
    await this.handledKey(`slack:${this.slack!.teamId}:act:${trigger}`);
    return this.slackSince(before, message.channel);
  }

  /** Waits until the bot has finished with the event or update recorded under `id`. */
  async handledKey(id: string, timeoutMs = 25_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const row = await this.db.processedUpdate.findUnique({ where: { id } });
      if (row?.done) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`${id} was not handled within ${timeoutMs} ms`);
  }

  async stop(): Promise<void> {
    // Whatever a test did, no screen it reached showed a raw translation key (issue 9, point 6).
    const problems = this.ownsTelegram ? this.untranslatedScreens() : [];
    await this.app.stop();
    await this.zalo?.stop();
    await this.slack?.stop();
    if (this.ownsTelegram) await this.tg.stop();
    await this.dropDatabase?.();
    if (problems.length) throw new Error(`untranslated text on screen:\n${formatProblems(problems)}`);
  }

  private untranslatedScreens() {
    const zalo = (this.zalo?.sent ?? [])
      .flatMap((m) => untranslated({ where: `zalo chat ${m.chatId}`, text: m.text }))
      .concat((this.slack?.posted ?? []).flatMap((m) => [textOfBlocks(m), ...buttonsOf(m).map((b) => b.text)].flatMap((text) => untranslated({ where: `slack ${m.channel}`, text }))));
    return this.tg.sentRecords
      .flatMap(({ message: m }) => [textOf(m), ...buttons(m).map((b) => b.text)].flatMap((text) => untranslated({ where: `chat ${m.chat.id}`, text })))
      .concat(zalo);
  }
}

export interface ButtonInfo {
  text: string;
  data?: string;
  url?: string;
}

/** The inline buttons under a message, flattened. */
export function buttons(message: TgMessage): ButtonInfo[] {
  const kb = (message.reply_markup as { inline_keyboard?: { text: string; callback_data?: string; url?: string }[][] } | undefined)?.inline_keyboard ?? [];
  return kb.flat().map((b) => ({ text: b.text, ...(b.callback_data ? { data: b.callback_data } : {}), ...(b.url ? { url: b.url } : {}) }));
}

/** A message's text (or caption). */
export function textOf(message: TgMessage | undefined): string {
  return message?.text ?? message?.caption ?? "";
}
