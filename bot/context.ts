// What every update handler can reach: the domain's dependencies, the person behind the
// chat (once bound), their language, and the time the update is handled at.
import type { Context } from "grammy";
import type { i18n as I18n } from "i18next";
import type { AppConfig } from "./config.js";
import type { Db } from "./db/client.js";
import type { Locale, Translate } from "./i18n.js";
import type { Logger } from "./logger.js";
import type { Identity } from "./services/accounts.js";
import type { CalendarStore } from "./services/working-calendar.js";

export interface BotDeps {
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

export interface BotFlavor {
  deps: BotDeps;
  now: Date;
  identity: Identity | null;
  locale: Locale;
  t: Translate;
  /** The guided flow this chat is in, if any (see bot/services/flows.ts). */
  flow: FlowSnapshot | null;
  /** A guided flow left idle too long, noticed on this update (its name), to say so once. */
  flowExpired: string | null;
  /** The command of this message once a command's checks passed: name and arguments. */
  command: { name: string; args: string } | undefined;
}

export interface FlowSnapshot {
  flow: string;
  step: string;
  data: Record<string, unknown>;
}

export type BotContext = Context & BotFlavor;
