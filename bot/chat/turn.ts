// One incoming turn, whatever the platform: who (the chat account and the staff member bound
// to it, if any), where (a private chat or a group), what (a message, possibly a command or a
// file, or a pressed action), the person's guided flow, language and the time it is handled
// at, and the reply port to answer through. Adapters build it; commands read it.
import type { i18n as I18n } from "i18next";
import type { AppConfig } from "../config.js";
import type { Db } from "../db/client.js";
import type { Locale, Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Identity } from "../services/accounts.js";
import type { Role } from "../services/roles.js";
import type { CalendarStore } from "../services/working-calendar.js";
import type { Capabilities, Platform } from "./capabilities.js";
import type { View } from "./view.js";

export interface ChatDeps {
  db: Db;
  config: AppConfig;
  logger: Logger;
  i18n: I18n;
  /** The clock: tests pass a fixed one. */
  clock: () => Date;
  /** The working calendar (holidays, working days), with the office's imported notices. */
  calendar: CalendarStore;
  /** Tells the outbox sender that messages were recorded. */
  wakeSender: () => void;
}

export interface ChatUser {
  /** The platform's user id, as text. */
  externalId: string;
  /** The private chat with this user (where proactive messages go). */
  chatId: string;
  username: string | null;
  displayName: string;
}

/** A file the person sent, kept by the platform's own id (nothing is downloaded). */
export interface ReceivedFile {
  fileId: string;
  kind: "document" | "photo";
  fileName: string | null;
  /** Bytes, when the platform says (a file too large is refused before it is downloaded). */
  size?: number | null;
  mimeType?: string | null;
}

/** A contact card the person shared: whose it is (the platform's user id, when known) and its number. */
export interface SharedContact {
  userId: string | null;
  phone: string;
}

/** A received file's bytes, fetched from the platform on demand and never stored by the core. */
export type FetchedFile = { ok: true; bytes: Buffer } | { ok: false; reason: "tooLarge" | "unavailable" };

export interface ParsedCommand {
  name: string;
  args: string;
}

export type TurnInput =
  | {
      kind: "message";
      /** The message's text (not a file's caption). */
      text: string | undefined;
      caption: string | undefined;
      file: ReceivedFile | null;
      /** The command at the start of the text or caption, when addressed to this bot. */
      command: ParsedCommand | undefined;
      /** A contact card shared in this message (platforms with a "share my number" button). */
      contact?: SharedContact | undefined;
    }
  | { kind: "action"; data: string };

export interface FlowSnapshot {
  flow: string;
  step: string;
  data: Record<string, unknown>;
}

/** How a turn is answered. Each adapter implements it with its platform's means. */
export interface ReplyPort {
  /** A view as a new message, or in place of the pressed one (`replace`) where the platform can edit. */
  show(view: View | string, opts?: { replace?: boolean }): Promise<void>;
  /** A short answer to a pressed button (a pop-up on Telegram); a message where there is none. */
  notice(text: string, opts?: { alert?: boolean }): Promise<void>;
  /** Removes the buttons under the pressed message (spent choices). */
  clearButtons(): Promise<void>;
  /** Publishes the person's command menu (their role, their language), where menus exist. */
  refreshMenu(role: Role, locale: Locale): Promise<void>;
}

export interface Turn {
  deps: ChatDeps;
  now: Date;
  platform: Platform;
  caps: Capabilities;
  from: ChatUser;
  chat: { kind: "private" | "group"; id: string };
  input: TurnInput;
  identity: Identity | null;
  locale: Locale;
  t: Translate;
  flow: FlowSnapshot | null;
  /** A guided flow left idle too long, noticed on this turn (its name), to say so once. */
  flowExpired: string | null;
  /** The command of this message once a command's checks passed. */
  command: ParsedCommand | undefined;
  /** Who acts, for the audit log: "<platform>:<user id>". */
  actor: string;
  /** A link that opens the private chat with the bot (for the "message me privately" answer). */
  privateChatUrl: string | undefined;
  reply: ReplyPort;
  /** Downloads a file the person sent, at most `maxBytes` (platforms whose files reach the bot). */
  fetchFile?: ((file: ReceivedFile, maxBytes: number) => Promise<FetchedFile>) | undefined;
  /** A link that opens the chat with the bot and hands it `payload` (Telegram's t.me/<bot>?start=), where one exists. */
  deepLink?: ((payload: string) => string) | undefined;
}

export function pressed(turn: Turn): string | undefined {
  return turn.input.kind === "action" ? turn.input.data : undefined;
}

export function messageOf(turn: Turn): Extract<TurnInput, { kind: "message" }> | undefined {
  return turn.input.kind === "message" ? turn.input : undefined;
}
