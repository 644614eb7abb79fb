// How a command is declared: its name (lowercase Latin, as Telegram requires), who may use
// it, whether it shows personal or unit data (then it refuses to answer in a group), and a
// Composer that sees only this command's messages, buttons and guided-flow replies, after
// the checks below have passed. Checks run on the server for every update, buttons included.
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import type { TKey } from "../i18n.js";
import { audit } from "../services/audit.js";
import type { Role } from "../services/roles.js";

export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  /** Roles allowed; "any" = every bound staff member (and unbound users when requiresBinding is false). */
  roles: readonly Role[] | "any";
  requiresBinding: boolean;
  /** Shows personal or unit data: in a group it only answers "message me privately". */
  privateOnly: boolean;
  /** Listed in Telegram's command menu and in /trogiup. */
  inMenu: boolean;
  descriptionKey: TKey;
}

export interface CommandModule {
  spec: CommandSpec;
  composer: Composer<BotContext>;
}

export interface ParsedCommand {
  name: string;
  args: string;
  mention: string | undefined;
}

/** The command at the start of a message, if any: "/cmd@bot args". */
export function parseCommand(ctx: BotContext): ParsedCommand | undefined {
  const msg = ctx.message ?? ctx.channelPost;
  const text = msg?.text ?? msg?.caption;
  if (!msg || !text) return undefined;
  const entities = msg.entities ?? msg.caption_entities ?? [];
  const first = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!first) return undefined;
  const raw = text.slice(1, first.length);
  const [name = "", mention] = raw.split("@");
  return { name: name.toLowerCase(), args: text.slice(first.length).trim(), mention: mention?.toLowerCase() };
}

function addressedToUs(ctx: BotContext, cmd: ParsedCommand): boolean {
  return !cmd.mention || cmd.mention === ctx.me.username.toLowerCase();
}

export function matchesCommand(ctx: BotContext, spec: CommandSpec): ParsedCommand | undefined {
  const cmd = parseCommand(ctx);
  if (!cmd || !addressedToUs(ctx, cmd)) return undefined;
  return cmd.name === spec.name || spec.aliases?.includes(cmd.name) ? cmd : undefined;
}

export function callbackPrefix(spec: CommandSpec): string {
  return `${spec.name}:`;
}

function isMine(ctx: BotContext, spec: CommandSpec): boolean {
  if (ctx.callbackQuery?.data !== undefined) return ctx.callbackQuery.data.startsWith(callbackPrefix(spec));
  if (matchesCommand(ctx, spec)) return true;
  // A reply inside this command's guided flow (text, a number, a file...), not another command.
  return ctx.flow?.flow === spec.name && ctx.message !== undefined && !parseCommand(ctx);
}

export function privateChatButton(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard().url(ctx.t("common.openPrivateChat"), `https://t.me/${ctx.me.username}`);
}

/** Answers a refusal the way the update came: a message, or a short note on the pressed button. */
export async function refuse(ctx: BotContext, key: TKey, keyboard?: InlineKeyboard): Promise<void> {
  if (ctx.callbackQuery) {
    // A button's answer holds at most 200 characters and no markup.
    const short = key === "common.unknownUser" ? "common.unknownUserShort" : key;
    await ctx.answerCallbackQuery({ text: ctx.t(short), show_alert: true });
    return;
  }
  await ctx.reply(ctx.t(key), { parse_mode: "HTML", ...(keyboard ? { reply_markup: keyboard } : {}) });
}

async function guard(spec: CommandSpec, ctx: BotContext, next: () => Promise<void>): Promise<void> {
  const chatType = ctx.chat?.type;
  if (chatType !== "private" && spec.privateOnly) {
    await refuse(ctx, "common.privateOnly", privateChatButton(ctx));
    return;
  }
  const identity = ctx.identity;
  if (spec.requiresBinding && !identity) {
    await refuse(ctx, chatType === "private" ? "common.unknownUser" : "common.privateOnly", chatType === "private" ? undefined : privateChatButton(ctx));
    return;
  }
  if (spec.roles !== "any") {
    const role = identity?.staff.role as Role | undefined;
    const allowed = role !== undefined && spec.roles.includes(role);
    await audit(ctx.deps.db, {
      actor: `telegram:${ctx.from?.id ?? "?"}`,
      actorStaffId: identity?.staffId ?? null,
      action: ctx.callbackQuery ? `button.${spec.name}` : `command.${spec.name}`,
      outcome: allowed ? "ok" : "denied",
      ...(ctx.callbackQuery?.data ? { details: { data: ctx.callbackQuery.data.slice(0, 64) } } : {}),
      at: ctx.now,
    });
    if (!allowed) {
      await refuse(ctx, "common.noPermission");
      return;
    }
  }
  ctx.command = matchesCommand(ctx, spec);
  await next();
}

export function defineCommand(spec: CommandSpec, build: (c: Composer<BotContext>) => void): CommandModule {
  if (!/^[a-z0-9_]{1,32}$/.test(spec.name)) throw new Error(`invalid command name ${spec.name}`);
  const composer = new Composer<BotContext>();
  const mine = composer.filter((ctx) => isMine(ctx, spec));
  mine.use((ctx, next) => guard(spec, ctx, next));
  build(mine);
  return { spec, composer };
}

export function mayUse(spec: CommandSpec, role: Role | undefined): boolean {
  if (spec.requiresBinding && !role) return false;
  return spec.roles === "any" || (role !== undefined && spec.roles.includes(role));
}
