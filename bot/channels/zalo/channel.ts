// The Zalo adapter: Zalo Bot Platform events → turns of the chat core, answered through the
// Zalo reply port. Events come by long polling (getUpdates: one event per call, 408 when
// none, no offset) or by webhook (the X-Bot-Api-Secret-Token header checked); either way each
// event is handled once (event_name + message_id), one at a time per chat.
import { timingSafeEqual } from "node:crypto";
import { pendingChoice } from "../../chat/choices.js";
import type { CommandModule } from "../../chat/command.js";
import { runOnce, TransientUpdateError } from "../../chat/dedupe.js";
import { isTransientDbError } from "../../db/errors.js";
import { dispatch, parseCommandText } from "../../chat/dispatch.js";
import { openSession } from "../../chat/session.js";
import type { ChatDeps, Turn, TurnInput } from "../../chat/turn.js";
import type { ZaloConfig } from "../../config.js";
import { type Route, sendJson } from "../../http-server.js";
import { translator } from "../../i18n.js";
import { describeError } from "../../logger.js";
import { INVITE_RE } from "../../services/invites.js";
import { ZaloApi, ZaloApiError } from "./api.js";
import { ZALO_CAPABILITIES } from "./capabilities.js";
import { parseEvent, type ZaloEvent } from "./events.js";
import { zaloReply } from "./reply.js";

export interface ZaloChannel {
  api: ZaloApi;
  botId: string;
  /** Handles one event (already parsed); resolves when it is answered. */
  handle(event: ZaloEvent): Promise<void>;
  /** The webhook route (webhook mode). */
  webhookRoute(): Route;
  startPolling(): void;
  stop(): Promise<void>;
}

function zaloError(e: unknown): Record<string, unknown> | undefined {
  if (e instanceof ZaloApiError) return { kind: "zalo", method: e.method, code: e.code, description: e.description };
  return undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createZaloChannel(config: ZaloConfig, deps: ChatDeps, commands: readonly CommandModule[], botId: string): ZaloChannel {
  const api = new ZaloApi(config.token, config.apiRoot);
  const chats = new Map<string, Promise<void>>();
  let polling: Promise<void> | undefined;
  const abort = new AbortController();

  async function inputOf(event: ZaloEvent, turnChat: string, identityBound: boolean, now: Date): Promise<TurnInput | "unsupported" | "file" | undefined> {
    if (event.eventName === "message.image.received") return "file";
    if (event.eventName !== "message.text.received") return event.eventName.startsWith("message.") ? "unsupported" : undefined;
    const text = event.text ?? "";
    // A typed number answers the numbered choices last shown in this chat.
    const action = await pendingChoice(deps.db, "zalo", turnChat, text, now);
    if (action !== undefined) return { kind: "action", data: action };
    const parsed = parseCommandText(text.trim());
    let command = parsed ? { name: parsed.mention ? `${parsed.name}@${parsed.mention}` : parsed.name, args: parsed.args } : undefined;
    // Someone not bound yet may just paste the invite code they were given.
    if (!command && !identityBound && INVITE_RE.test(text.trim())) command = { name: "start", args: text.trim() };
    return { kind: "message", text, caption: undefined, file: null, command };
  }

  async function handleNow(event: ZaloEvent): Promise<void> {
    const now = deps.clock();
    const id = `zalo:${botId}:${event.eventName}:${event.messageId}`;
    const busy = () => api.sendMessage(event.chat.id, translator(deps.i18n, deps.config.defaultLocale)("common.busy")).then(() => undefined);
    await runOnce(deps, id, now, () => handleTurn(event, now), busy).catch(() => undefined);
  }

  async function handleTurn(event: ZaloEvent, now: Date): Promise<void> {
    let turn: Turn | undefined;
    try {
      if (event.from.isBot) return;
      const isPrivate = event.chat.type === "PRIVATE";
      // In a group the bot only sees replies and mentions (groups are in limited testing): it stays out of them.
      if (!isPrivate) return;
      const session = await openSession(deps, "zalo", event.from.id, { private: true, isMessage: true }, now);
      const input = await inputOf(event, event.chat.id, session.identity !== null, now);
      if (input === undefined) return;
      turn = {
        deps,
        now,
        platform: "zalo",
        caps: ZALO_CAPABILITIES,
        from: { externalId: event.from.id, chatId: event.chat.id, username: null, displayName: event.from.displayName },
        chat: { kind: "private", id: event.chat.id },
        input: typeof input === "string" ? { kind: "message", text: undefined, caption: undefined, file: null, command: undefined } : input,
        ...session,
        command: undefined,
        actor: `zalo:${event.from.id}`,
        privateChatUrl: undefined,
        reply: zaloReply(api, () => turn!),
      };
      // Withheld content (message.unsupported.received), stickers...: a polite answer; images
      // are not taken as attachments yet.
      if (typeof input === "string") {
        await turn.reply.show(turn.t(input === "file" ? "common.filesNotHere" : "common.unsupported"));
        return;
      }
      await dispatch(commands, turn);
    } catch (e) {
      if (isTransientDbError(e)) throw new TransientUpdateError(e);
      deps.logger.error({ event: event.eventName, error: describeError(e, zaloError) }, "Zalo event failed");
      try {
        await api.sendMessage(event.chat.id, (turn?.t ?? ((k: string) => k))("common.error"));
      } catch {
        /* the chat may be unreachable: nothing more to do */
      }
    }
  }

  /** One event at a time per chat: a second message cannot race the first one's writes. */
  function handle(event: ZaloEvent): Promise<void> {
    const key = event.chat.id;
    const run = (chats.get(key) ?? Promise.resolve()).then(() => handleNow(event));
    const tail = run.catch(() => undefined);
    chats.set(key, tail);
    void tail.then(() => {
      if (chats.get(key) === tail) chats.delete(key);
    });
    return run;
  }

  async function pollLoop(): Promise<void> {
    let backoff = 1000;
    while (!abort.signal.aborted) {
      try {
        const result = await api.call<unknown>("getUpdates", { timeout: 30 }, { signal: abort.signal, timeoutMs: 45_000 });
        backoff = 1000;
        // One event per call as documented; an array is taken too, should the API change.
        for (const r of Array.isArray(result) ? result : [result]) {
          const event = parseEvent({ result: r });
          if (event) void handle(event);
        }
      } catch (e) {
        if (abort.signal.aborted) break;
        if (e instanceof ZaloApiError && e.code === 408) continue; // no event within the timeout
        if (e instanceof ZaloApiError && e.code === 401) {
          deps.logger.fatal({ error: describeError(e, zaloError) }, "Zalo refused ZALO_BOT_TOKEN; Zalo polling stopped");
          return;
        }
        deps.logger.warn({ error: describeError(e, zaloError), retryInMs: backoff }, "Zalo getUpdates failed");
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 60_000);
      }
    }
  }

  return {
    api,
    botId,
    handle,
    webhookRoute: () => ({
      method: "POST",
      path: new URL(config.webhookUrl ?? "http://localhost/zalo").pathname || "/",
      async handler(req, res) {
        const secret = req.headers["x-bot-api-secret-token"];
        if (typeof secret !== "string" || !config.webhookSecret || !sameSecret(secret, config.webhookSecret)) {
          sendJson(res, 401, { ok: false, error: "unauthorized" });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const c of req) {
          size += (c as Buffer).length;
          if (size > 1_000_000) return sendJson(res, 413, { ok: false, error: "too large" });
          chunks.push(c as Buffer);
        }
        let event: ZaloEvent | undefined;
        try {
          event = parseEvent(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch {
          event = undefined;
        }
        if (!event) return sendJson(res, 400, { ok: false, error: "not a Zalo event" });
        await handle(event);
        sendJson(res, 200, { ok: true });
      },
    }),
    startPolling() {
      polling ??= pollLoop();
    },
    async stop() {
      abort.abort();
      await polling;
      await Promise.all([...chats.values()]);
    },
  };
}
