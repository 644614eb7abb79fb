// setMyCommands/getMyCommands/deleteMyCommands (per scope and language), chat menu buttons,
// and the bot's name/description texts.
import type { FakeContext, MethodCall } from "../context.js";
import { badRequest } from "../errors.js";
import { codePointLength, getJson, getOptionalInt, getString, isRecord } from "../params.js";
import type { Params, TgBotCommand } from "../types.js";

const COMMAND_RE = /^[a-z0-9_]+$/;

function languageCode(p: Params): string {
  const code = getString(p, "language_code") ?? "";
  if (code !== "" && !/^[a-z]{2}$/.test(code)) throw badRequest("invalid language code specified");
  return code;
}

/** A stable key for a BotCommandScope; validates it like Telegram. */
export function scopeKey(ctx: FakeContext, p: Params): string {
  const scope = getJson(p, "scope", "can't parse BotCommandScope JSON object");
  if (scope === undefined) return "default";
  const fail = (why: string): never => {
    throw badRequest(`can't parse BotCommandScope: ${why}`);
  };
  if (!isRecord(scope)) return fail("BotCommandScope must be an Object");
  const type = scope["type"];
  if (typeof type !== "string") return fail('Field "type" must be of type String');
  if (["default", "all_private_chats", "all_group_chats", "all_chat_administrators"].includes(type)) return type;
  if (!["chat", "chat_administrators", "chat_member"].includes(type)) return fail("Unsupported type specified");
  if (scope["chat_id"] === undefined || scope["chat_id"] === "") return fail("Empty chat_id specified");
  const chat = ctx.world.resolveChat({ chat_id: scope["chat_id"] });
  if (type !== "chat_member") return `${type}:${chat.chat.id}`;
  const userId = getOptionalInt(scope, "user_id");
  if (userId === undefined || userId <= 0) return fail("Invalid user_id specified");
  return `${type}:${chat.chat.id}:${userId}`;
}

function parseCommands(p: Params): TgBotCommand[] {
  const value = getJson(p, "commands", "can't parse commands JSON object");
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badRequest("expected an Array of BotCommand");
  const commands: TgBotCommand[] = [];
  for (const item of value) {
    if (!isRecord(item)) throw badRequest("can't parse BotCommand: expected an Object");
    if (typeof item["command"] !== "string") throw badRequest('can\'t parse BotCommand: Field "command" must be of type String');
    if (typeof item["description"] !== "string") {
      throw badRequest('can\'t parse BotCommand: Field "description" must be of type String');
    }
    let command = item["command"].trim();
    if (command.startsWith("/")) command = command.slice(1);
    if (command.length === 0) throw badRequest("command must be non-empty");
    if (codePointLength(command) > 32) throw badRequest("command length must not exceed 32");
    if (!COMMAND_RE.test(command)) throw badRequest("BOT_COMMAND_INVALID");
    const description = item["description"].trim();
    if (description.length === 0) throw badRequest("command description must be non-empty");
    if (codePointLength(description) > 256) throw badRequest("command description length must not exceed 256");
    commands.push({ command, description });
  }
  if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  return commands;
}

export function setMyCommands(ctx: FakeContext, call: MethodCall): boolean {
  const commands = parseCommands(call.params);
  const key = `${scopeKey(ctx, call.params)}|${languageCode(call.params)}`;
  if (commands.length === 0) ctx.world.commands.delete(key);
  else ctx.world.commands.set(key, commands);
  return true;
}

export function getMyCommands(ctx: FakeContext, call: MethodCall): TgBotCommand[] {
  const key = `${scopeKey(ctx, call.params)}|${languageCode(call.params)}`;
  return ctx.world.commands.get(key) ?? [];
}

export function deleteMyCommands(ctx: FakeContext, call: MethodCall): boolean {
  const key = `${scopeKey(ctx, call.params)}|${languageCode(call.params)}`;
  ctx.world.commands.delete(key);
  return true;
}

function menuButton(p: Params): Record<string, unknown> {
  const value = getJson(p, "menu_button", "can't parse menu button JSON object");
  if (value === undefined) return { type: "default" };
  const fail = (why: string): never => {
    throw badRequest(`can't parse menu button: ${why}`);
  };
  if (!isRecord(value)) return fail("MenuButton must be an Object");
  const type = value["type"];
  if (type === "default" || type === "commands") return { type };
  if (type === "web_app") {
    const webApp = value["web_app"];
    if (typeof value["text"] !== "string") return fail('Field "text" must be of type String');
    if (!isRecord(webApp) || typeof webApp["url"] !== "string") return fail('Field "web_app" must be of type Object');
    return { type, text: value["text"], web_app: { url: webApp["url"] } };
  }
  return fail("MenuButton has unsupported type");
}

function menuKey(ctx: FakeContext, p: Params): string {
  if (p["chat_id"] === undefined || p["chat_id"] === "") return "default";
  const chat = ctx.world.resolveChat(p);
  if (chat.chat.type !== "private") throw badRequest("chat not found");
  return String(chat.chat.id);
}

export function setChatMenuButton(ctx: FakeContext, call: MethodCall): boolean {
  const button = menuButton(call.params);
  ctx.world.menuButtons.set(menuKey(ctx, call.params), button);
  return true;
}

export function getChatMenuButton(ctx: FakeContext, call: MethodCall): Record<string, unknown> {
  const key = menuKey(ctx, call.params);
  const button = ctx.world.menuButtons.get(key) ?? (key === "default" ? undefined : ctx.world.menuButtons.get("default"));
  return button === undefined || button["type"] === "default" ? { type: "commands" } : button;
}

const TEXT_LIMITS: Record<string, number> = { name: 64, description: 512, short_description: 120 };

/** setMyName / setMyDescription / setMyShortDescription. */
export function setBotText(kind: "name" | "description" | "short_description") {
  return (ctx: FakeContext, call: MethodCall): boolean => {
    const value = getString(call.params, kind) ?? "";
    if (codePointLength(value) > (TEXT_LIMITS[kind] ?? 0)) throw badRequest(`bot ${kind.replace("_", " ")} is too long`);
    const key = `${kind}|${languageCode(call.params)}`;
    if (value === "") ctx.world.botTexts.delete(key);
    else ctx.world.botTexts.set(key, value);
    return true;
  };
}

/** getMyName / getMyDescription / getMyShortDescription. */
export function getBotText(kind: "name" | "description" | "short_description") {
  return (ctx: FakeContext, call: MethodCall): Record<string, string> => {
    const lang = languageCode(call.params);
    const fallback = kind === "name" ? ctx.world.bot.first_name : "";
    const value = ctx.world.botTexts.get(`${kind}|${lang}`) ?? ctx.world.botTexts.get(`${kind}|`) ?? fallback;
    return { [kind]: value };
  };
}
