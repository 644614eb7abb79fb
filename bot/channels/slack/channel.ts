// The Slack adapter: Bolt for JS in Socket Mode (default: an outbound WebSocket, no public
// URL) or over HTTP on the bot's own server (signed requests, http-receiver.ts). Every
// command is typed in the app's direct messages ("nhiemvu", "/nhiemvu") or given to the one
// slash command ("/sokhcn nhiemvu", acknowledged at once, the work done after); buttons are
// Block Kit buttons carrying the action codec's string. Each event, command and press is
// handled once (Slack's retries of an event carry its event_id), one at a time per person.
// A person never bound on Slack is bound by the email of their workspace profile.
import { App, SocketModeReceiver } from "@slack/bolt";
import type { CommandModule } from "../../chat/command.js";
import { runOnce, TransientUpdateError } from "../../chat/dedupe.js";
import { dispatch, parseCommandText } from "../../chat/dispatch.js";
import { openSession, type Session } from "../../chat/session.js";
import type { ChatDeps, ParsedCommand, ReceivedFile, Turn, TurnInput } from "../../chat/turn.js";
import type { SlackConfig } from "../../config.js";
import { isTransientDbError } from "../../db/errors.js";
import type { Transport } from "../../delivery/transport.js";
import type { Route } from "../../http-server.js";
import { translator } from "../../i18n.js";
import { findIdentity } from "../../services/accounts.js";
import { bindByEmail } from "../../services/email-binding.js";
import { INVITE_RE } from "../../services/invites.js";
import { roleLabel } from "../../services/profile.js";
import { StartupError } from "../../startup-error.js";
import { boltLogger } from "./bolt-logger.js";
import { SLACK_CAPABILITIES } from "./capabilities.js";
import { DmChannels } from "./dm.js";
import { receivedFileOf, type SlackEventFile, slackFileFetcher } from "./files.js";
import { buildHome } from "./home.js";
import { RouteReceiver } from "./http-receiver.js";
import { SlackPacer } from "./pacing.js";
import type { KnownBlock } from "./render.js";
import { type Respond, slackReply } from "./reply.js";
import { slackTransport } from "./transport.js";
import { describeSlackError, slackErrorCode, slackWebClient } from "./web.js";

/** The one slash command (the manifest declares it). */
export const SLASH_COMMAND = "/sokhcn";

export interface SlackIdentity {
  teamId: string;
  botUserId: string;
  botId: string | undefined;
}

/** auth.test: checks the bot token and learns who the bot is. */
export async function connectToSlack(config: SlackConfig): Promise<SlackIdentity> {
  try {
    const res = await slackWebClient(config, "sender").auth.test();
    return { teamId: String(res.team_id ?? ""), botUserId: String(res.user_id ?? ""), botId: res.bot_id ? String(res.bot_id) : undefined };
  } catch (e) {
    const code = slackErrorCode(e);
    if (code === "invalid_auth" || code === "not_authed" || code === "token_revoked" || code === "account_inactive")
      throw new StartupError(`Slack từ chối SLACK_BOT_TOKEN (${code}): kiểm tra lại Bot User OAuth Token của ứng dụng.`);
    throw new StartupError(`Không kết nối được Slack Web API tại ${config.apiUrl}: ${JSON.stringify(describeSlackError(e))}`);
  }
}

/** What arrived, whatever the way (a DM, a mention, the slash command, a button). */
interface Incoming {
  /** De-duplication key: event_id, or the command's or press's trigger_id. */
  key: string;
  userId: string;
  /** The conversation it came from (undefined: a press in App Home). */
  channel: string | undefined;
  /** Known to be the app's DM with the person (a message event in an IM). */
  inDm: boolean;
  /** The text of a message, or of the slash command / mention after the bot's name. */
  text?: string;
  /** A slash command or a mention: the text is a command even without its "/". */
  commandText?: boolean;
  /** A file shared in the DM (the first one of the message). */
  file?: ReceivedFile | null;
  action?: { data: string; pressed: { channel: string; ts: string; blocks: KnownBlock[]; text: string } | undefined };
  respond?: Respond;
}

export interface SlackChannel {
  app: App;
  identity: SlackIdentity;
  transport: Transport;
  /** The HTTP route (HTTP mode). */
  route(): Route | undefined;
  /** Publishes the person's App Home again (after something of theirs changed). */
  refreshHome(userId: string): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackChannel(config: SlackConfig, deps: ChatDeps, commands: readonly CommandModule[], identity: SlackIdentity): SlackChannel {
  const logger = boltLogger(deps.logger);
  const httpReceiver = config.mode === "http" ? new RouteReceiver(config.signingSecret!) : undefined;
  const receiver =
    httpReceiver ??
    new SocketModeReceiver({ appToken: config.appToken!, logger, installerOptions: { clientOptions: { slackApiUrl: config.apiUrl } } });
  const app = new App({
    token: config.botToken,
    botUserId: identity.botUserId,
    ...(identity.botId ? { botId: identity.botId } : {}),
    tokenVerificationEnabled: false,
    receiver,
    logger,
    clientOptions: { slackApiUrl: config.apiUrl, timeout: 15_000, retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 } },
  });
  const client = app.client;
  const dms = new DmChannels(client);
  const senderClient = slackWebClient(config, "sender");
  const senderDms = new DmChannels(senderClient);
  const pacer = new SlackPacer();
  const files = slackFileFetcher(config, client, deps.logger);
  /** People who opened the App Home since start: their tab is republished when something of theirs changes. */
  const homeOpened = new Set<string>();
  const people = new Map<string, Promise<void>>();
  const names = commands.flatMap((m) => [m.spec.name, ...(m.spec.aliases ?? [])]);

  async function publishHome(userId: string): Promise<void> {
    const session = await openSession(deps, "slack", userId, { private: false, isMessage: false }, deps.clock());
    const view = await buildHome(deps, session.identity, session.t, deps.clock());
    await client.views.publish({ user_id: userId, view });
  }
  const refreshHome = async (userId: string) => {
    if (!homeOpened.has(userId)) return;
    await publishHome(userId).catch((e: unknown) => deps.logger.warn({ error: describeSlackError(e) }, "could not refresh the Slack App Home"));
  };

  /** "nhiemvu 2", "/nhiemvu 2": a command; a bare word only when it names one (and no guided flow waits for text). */
  function commandOf(text: string, asCommand: boolean, session: Session): ParsedCommand | undefined {
    const parsed = parseCommandText(text);
    if (parsed) return { name: parsed.mention ? `${parsed.name}@${parsed.mention}` : parsed.name, args: parsed.args };
    const m = /^([A-Za-z0-9_]{1,32})(?:\s+([\s\S]*))?$/.exec(text);
    if (!m) return asCommand ? { name: "trogiup", args: "" } : undefined;
    const name = m[1]!.toLowerCase();
    if (asCommand || (names.includes(name) && session.flow === null)) return { name, args: (m[2] ?? "").trim() };
    return undefined;
  }

  function inputOf(inc: Incoming, session: Session): TurnInput {
    if (inc.action) return { kind: "action", data: inc.action.data };
    const text = (inc.text ?? "").trim();
    let command = text || inc.commandText ? commandOf(text, inc.commandText === true, session) : undefined;
    if (!command && !session.identity && INVITE_RE.test(text)) command = { name: "start", args: text };
    // A file's message text is its comment: a caption, as on Telegram.
    if (inc.file) return { kind: "message", text: undefined, caption: inc.text, file: inc.file, command };
    return { kind: "message", text: inc.text, caption: undefined, file: null, command };
  }

  /** A person never bound on Slack, writing in the app's DM: bound by their workspace email. */
  async function tryEmailBinding(inc: Incoming, turn: Turn): Promise<"bound" | "answered" | "continue"> {
    let profile;
    try {
      profile = (await client.users.info({ user: inc.userId })).user;
    } catch (e) {
      deps.logger.warn({ error: describeSlackError(e) }, "users.info failed (is users:read.email granted?); invite binding only");
      return "continue";
    }
    if (!profile || profile.is_bot || profile.deleted) return "continue";
    const displayName = profile.profile?.display_name || profile.real_name || profile.name || "";
    const res = await bindByEmail(deps.db, { platform: "slack", externalId: inc.userId, chatId: inc.userId, username: profile.name ?? null, displayName }, profile.profile?.email, turn.now);
    if (res.ok) {
      const id = await findIdentity(deps.db, "slack", inc.userId);
      if (!id) return "continue";
      const s = id.staff;
      const t = translator(deps.i18n, (s.locale === "en" || s.locale === "vi" ? s.locale : deps.config.defaultLocale) as "vi" | "en");
      await turn.reply.show(t("slack.bound", { name: s.fullName, role: roleLabel(t, s.role), unit: s.unit.name }));
      return "bound";
    }
    if (res.reason === "known") return "continue";
    await turn.reply.show(turn.t(res.reason === "noEmail" ? "slack.noMatch" : `slack.${res.reason}`));
    return "answered";
  }

  async function handleTurn(inc: Incoming, now: Date): Promise<void> {
    let turn: Turn | undefined;
    try {
      if (inc.inDm && inc.channel) dms.remember(inc.userId, inc.channel);
      // A slash command or a press in a DM: private only when it is the app's own DM with the person.
      const isPrivate = inc.inDm || (inc.channel === undefined ? true : inc.channel === (await dms.open(inc.userId)));
      const open = () => openSession(deps, "slack", inc.userId, { private: isPrivate, isMessage: !inc.action }, now);
      let session = await open();
      const build = (s: Session): Turn => {
        const chatId = isPrivate ? (inc.channel ?? dms.known(inc.userId) ?? inc.userId) : inc.channel!;
        const t: Turn = {
          deps,
          now,
          platform: "slack",
          caps: SLACK_CAPABILITIES,
          from: { externalId: inc.userId, chatId: inc.userId, username: null, displayName: "" },
          chat: { kind: isPrivate ? "private" : "group", id: chatId },
          input: inputOf(inc, s),
          ...s,
          command: undefined,
          actor: `slack:${inc.userId}`,
          // The DM is one click away in Slack's sidebar; a deep link would need the app's id.
          privateChatUrl: undefined,
          fetchFile: files.fetch,
          reply: slackReply(
            {
              client,
              userId: inc.userId,
              channel: inc.channel,
              private: isPrivate,
              dm: () => dms.open(inc.userId),
              respond: inc.respond,
              pressed: inc.action?.pressed,
              refreshHome: () => refreshHome(inc.userId),
            },
            () => turn!,
          ),
        };
        return t;
      };
      turn = build(session);
      const input = turn.input;
      if (isPrivate && !session.identity && input.kind === "message" && input.command?.name !== "start") {
        const outcome = await tryEmailBinding(inc, turn);
        if (outcome === "answered") return;
        if (outcome === "bound") {
          await refreshHome(inc.userId);
          session = await open();
          turn = build(session);
          // The first message was a command: it is answered too, now that the person is known.
          if (turn.input.kind !== "message" || !turn.input.command) return;
        }
      }
      await dispatch(commands, turn);
      if (turn.identity && isPrivate) await refreshHome(inc.userId);
    } catch (e) {
      if (isTransientDbError(e)) throw new TransientUpdateError(e);
      deps.logger.error({ key: inc.key, error: describeSlackError(e) }, "Slack event failed");
      try {
        await turn?.reply.show((turn?.t ?? ((k: string) => k))("common.error"));
      } catch {
        /* Slack may be unreachable: nothing more to do */
      }
    }
  }

  /** One at a time per person: a second press cannot race the first one's writes. */
  function handle(inc: Incoming): Promise<void> {
    const now = deps.clock();
    const busy = async () => {
      const t = translator(deps.i18n, deps.config.defaultLocale);
      if (inc.respond) await inc.respond({ response_type: "ephemeral", text: t("common.busy") });
      else await client.chat.postMessage({ channel: await dms.open(inc.userId), text: t("common.busy") });
    };
    const key = inc.userId;
    const run = (people.get(key) ?? Promise.resolve()).then(() => runOnce(deps, inc.key, now, () => handleTurn(inc, now), busy).catch(() => undefined));
    people.set(key, run);
    void run.then(() => {
      if (people.get(key) === run) people.delete(key);
    });
    return run;
  }

  const team = (body: { team_id?: string; team?: { id?: string } | null }) => body.team_id ?? body.team?.id ?? identity.teamId;

  app.event("message", async ({ event, body }) => {
    const e = event as { subtype?: string; channel_type?: string; user?: string; text?: string; channel: string; bot_id?: string; files?: SlackEventFile[] };
    // Edits, deletions, joins...: not a person writing. A file shared is taken like Telegram's documents.
    if ((e.subtype && e.subtype !== "file_share") || !e.user || e.bot_id) return;
    if (e.channel_type !== "im") return; // channels: only mentions and the slash command
    const b = body as { event_id: string; team_id?: string };
    const shared = e.subtype === "file_share" || e.files?.length ? e.files?.[0] : undefined;
    files.remember(shared);
    await handle({ key: `slack:${team(b)}:${b.event_id}`, userId: e.user, channel: e.channel, inDm: true, text: e.text ?? "", ...(shared ? { file: receivedFileOf(shared) } : {}) });
  });

  app.event("app_mention", async ({ event, body }) => {
    const e = event as { user?: string; text?: string; channel: string; bot_id?: string };
    if (!e.user || e.bot_id) return;
    const b = body as { event_id: string; team_id?: string };
    const text = (e.text ?? "").replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " ").trim();
    await handle({ key: `slack:${team(b)}:${b.event_id}`, userId: e.user, channel: e.channel, inDm: false, text, commandText: true });
  });

  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab !== "home") return;
    homeOpened.add(event.user);
    const b = body as { event_id: string; team_id?: string };
    await runOnce(deps, `slack:${team(b)}:${b.event_id}`, deps.clock(), () => publishHome(event.user), async () => undefined).catch((e: unknown) =>
      deps.logger.warn({ error: describeSlackError(e) }, "could not publish the Slack App Home"),
    );
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    // Slack waits 3 s for this: the answer comes after, through respond or the Web API.
    await ack();
    await handle({
      key: `slack:${command.team_id}:cmd:${command.trigger_id}`,
      userId: command.user_id,
      channel: command.channel_id,
      inDm: false,
      text: command.text ?? "",
      commandText: true,
      respond: respond as Respond,
    });
  });

  app.action(/^act_/, async ({ ack, body, action, respond }) => {
    await ack();
    const b = body as {
      user: { id: string };
      team?: { id?: string } | null;
      trigger_id?: string;
      container?: { type?: string; channel_id?: string; message_ts?: string };
      channel?: { id?: string };
      message?: { ts?: string; text?: string; blocks?: KnownBlock[] };
      actions?: { action_ts?: string }[];
    };
    const value = (action as { value?: string }).value;
    if (typeof value !== "string") return;
    const channel = b.channel?.id ?? b.container?.channel_id;
    const pressed = channel && b.message?.ts ? { channel, ts: b.message.ts, blocks: b.message.blocks ?? [], text: b.message.text ?? "" } : undefined;
    const key = `slack:${team(b)}:act:${b.trigger_id ?? `${b.user.id}:${(action as { action_ts?: string }).action_ts}`}`;
    await handle({ key, userId: b.user.id, channel, inDm: false, action: { data: value, pressed }, ...(channel ? { respond: respond as Respond } : {}) });
  });
  // A link button opens its page; Slack still reports the press, which needs only an ack.
  app.action(/^link_/, async ({ ack }) => {
    await ack();
  });

  app.error(async (e) => {
    deps.logger.error({ error: describeSlackError((e as { original?: unknown }).original ?? e) }, "Slack listener failed");
  });

  const transport = slackTransport({ client: senderClient, dms: senderDms, pacer, delivered: (userId) => void refreshHome(userId) });

  return {
    app,
    identity,
    transport,
    route: () => httpReceiver?.route(),
    refreshHome,
    async start() {
      await app.start();
    },
    async stop() {
      await app.stop().catch(() => undefined);
      await Promise.all([...people.values()]);
    },
  };
}
