// How a command is declared: its name (lowercase Latin, as Telegram requires), who may use
// it, whether it shows personal or unit data (then it refuses to answer in a group), and its
// handlers: one for its messages (the command itself, and replies inside its guided flow),
// one per action its buttons carry. The guard below runs first, on the server, for every
// turn (buttons and typed numbered choices included), whatever the platform.
import type { i18n as I18n } from "i18next";
import type { Locale, TKey } from "../i18n.js";
import { translator } from "../i18n.js";
import { audit } from "../services/audit.js";
import type { Role } from "../services/roles.js";
import { type ActionArgs, type ActionDef, actionCommand } from "./action.js";
import type { Turn, TurnInput } from "./turn.js";
import type { Button } from "./view.js";

export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  /** Roles allowed; "any" = every bound staff member (and unbound users when requiresBinding is false). */
  roles: readonly Role[] | "any";
  requiresBinding: boolean;
  /** Shows personal or unit data: in a group it only answers "message me privately". */
  privateOnly: boolean;
  /** Listed in the command menu and in /trogiup. */
  inMenu: boolean;
  descriptionKey: TKey;
  /** Messages of a kind this command owns when no guided flow is open and no command is typed (a spreadsheet sent, a contact shared). */
  takes?: (input: Extract<TurnInput, { kind: "message" }>) => boolean;
}

/** What a handler returns when the turn is not its business after all (a forged button...). */
export const NOT_HANDLED = false;
type Result = unknown;
type Handler = (turn: Turn) => Promise<Result> | Result;
// biome-ignore lint: the schema type is erased once the route is stored
type AnyAction = ActionDef<any>;

export interface CommandBuilder {
  /** The command typed, and messages inside this command's guided flow. */
  message(h: Handler): void;
  /** A pressed action of this command, with its decoded arguments. */
  action<D extends AnyAction>(def: D, h: (turn: Turn, args: D extends ActionDef<infer S> ? ActionArgs<S> : never) => Promise<Result> | Result): void;
  /** A check run before every handler of this command (after the role check). */
  check(h: (turn: Turn) => Promise<boolean>): void;
}

export interface CommandModule {
  spec: CommandSpec;
  /** Whether this command takes the turn (its command, its action, its flow's reply). */
  claims(turn: Turn): boolean;
  /** Runs the guard and the handler; false when nothing handled it (the fallback answers). */
  run(turn: Turn): Promise<boolean>;
}

export function matchesCommand(turn: Turn, spec: CommandSpec): boolean {
  const cmd = turn.input.kind === "message" ? turn.input.command : undefined;
  return cmd !== undefined && (cmd.name === spec.name || (spec.aliases?.includes(cmd.name) ?? false));
}

function claims(turn: Turn, spec: CommandSpec): boolean {
  if (turn.input.kind === "action") return actionCommand(turn.input.data) === spec.name;
  if (matchesCommand(turn, spec)) return true;
  // A reply inside this command's guided flow (text, a number, a file...), not another command.
  if (turn.input.command !== undefined) return false;
  if (turn.flow) return turn.flow.flow === spec.name;
  return spec.takes?.(turn.input) ?? false;
}

export function privateChatButtons(turn: Turn): Button[][] | undefined {
  return turn.privateChatUrl ? [[{ text: turn.t("common.openPrivateChat"), url: turn.privateChatUrl }]] : undefined;
}

/** Answers a refusal the way the turn came: a short note on the pressed button, or a message. */
export async function refuse(turn: Turn, key: TKey, buttons?: Button[][]): Promise<void> {
  if (turn.input.kind === "action") {
    // A button's answer holds at most 200 characters and no markup.
    const short = key === "common.unknownUser" ? "common.unknownUserShort" : key;
    await turn.reply.notice(turn.t(short), { alert: true });
    return;
  }
  await turn.reply.show({ text: turn.t(key), ...(buttons ? { buttons } : {}) });
}

async function guard(spec: CommandSpec, turn: Turn): Promise<boolean> {
  const isPrivate = turn.chat.kind === "private";
  if (!isPrivate && spec.privateOnly) {
    await refuse(turn, "common.privateOnly", privateChatButtons(turn));
    return false;
  }
  const identity = turn.identity;
  if (spec.requiresBinding && !identity) {
    await refuse(turn, isPrivate ? "common.unknownUser" : "common.privateOnly", isPrivate ? undefined : privateChatButtons(turn));
    return false;
  }
  if (spec.roles !== "any") {
    const role = identity?.staff.role as Role | undefined;
    const allowed = role !== undefined && spec.roles.includes(role);
    const data = turn.input.kind === "action" ? turn.input.data : undefined;
    await audit(turn.deps.db, {
      actor: turn.actor,
      actorStaffId: identity?.staffId ?? null,
      action: data !== undefined ? `button.${spec.name}` : `command.${spec.name}`,
      outcome: allowed ? "ok" : "denied",
      ...(data !== undefined ? { details: { data: data.slice(0, 64) } } : {}),
      at: turn.now,
    });
    if (!allowed) {
      await refuse(turn, "common.noPermission");
      return false;
    }
  }
  turn.command = matchesCommand(turn, spec) && turn.input.kind === "message" ? turn.input.command : undefined;
  return true;
}

export function defineCommand(spec: CommandSpec, build: (c: CommandBuilder) => void): CommandModule {
  if (!/^[a-z0-9_]{1,32}$/.test(spec.name)) throw new Error(`invalid command name ${spec.name}`);
  let onMessage: Handler | undefined;
  const routes: { def: AnyAction; h: (turn: Turn, args: never) => Promise<Result> | Result }[] = [];
  const checks: ((turn: Turn) => Promise<boolean>)[] = [];
  build({
    message: (h) => void (onMessage = h),
    action: (def, h) => {
      if (def.command !== spec.name) throw new Error(`action ${def.command}:${def.name} declared under /${spec.name}`);
      routes.push({ def, h: h as (turn: Turn, args: never) => Promise<Result> });
    },
    check: (h) => void checks.push(h),
  });
  return {
    spec,
    claims: (turn) => claims(turn, spec),
    async run(turn) {
      if (!(await guard(spec, turn))) return true;
      for (const c of checks) if (!(await c(turn))) return true;
      if (turn.input.kind === "message") {
        if (!onMessage) return false;
        return (await onMessage(turn)) !== NOT_HANDLED;
      }
      for (const r of routes) {
        const args = r.def.parse(turn.input.data);
        if (args !== undefined) return (await r.h(turn, args as never)) !== NOT_HANDLED;
      }
      return false;
    },
  };
}

export function mayUse(spec: CommandSpec, role: Role | undefined): boolean {
  if (spec.requiresBinding && !role) return false;
  return spec.roles === "any" || (role !== undefined && spec.roles.includes(role));
}

export interface MenuEntry {
  command: string;
  description: string;
}

/** The commands a role may use, in menu order, with their descriptions in `locale`. */
export function menuFor(specs: readonly CommandSpec[], role: Role | undefined, i18n: I18n, locale: Locale): MenuEntry[] {
  const t = translator(i18n, locale);
  return specs
    .filter((s) => s.inMenu && (role ? mayUse(s, role) : !s.requiresBinding || s.roles === "any"))
    .map((s) => ({ command: s.name, description: t(s.descriptionKey) }));
}
