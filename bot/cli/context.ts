// What every CLI command gets: configuration, an opened (migrated, seeded) database, the
// translator for the office's language, output, and who is acting (for the audit log).
import { userInfo } from "node:os";
import { config as loadDotenv } from "dotenv";
import type { AppConfig } from "../config.js";
import { loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { seedPlan2021 } from "../db/seed.js";
import { createI18n, type Translate, translator } from "../i18n.js";
import { htmlToTerminal } from "./terminal-text.js";
import { syncTipLibrary } from "../services/tips/library.js";

export interface CliContext {
  config: AppConfig;
  db: Database;
  t: Translate;
  out: (line?: string) => void;
  err: (line: string) => void;
  actor: string;
  now: Date;
  /** Whether a real bot token was configured (the CLI runs without one). */
  hasToken: boolean;
}

export interface CliIo {
  env?: NodeJS.ProcessEnv;
  out?: (line: string) => void;
  err?: (line: string) => void;
  now?: () => Date;
}

export async function openCliContext(io: CliIo): Promise<CliContext> {
  const env = io.env ?? (loadDotenv({ quiet: true }), process.env);
  const config = loadConfig(env, { requireToken: false });
  await migrate(config.databaseUrl);
  const db = await openDatabase(config.databaseUrl, { poolSize: 2, waitMs: config.databaseWaitMs });
  const now = io.now?.() ?? config.clockAt ?? new Date();
  await seedPlan2021(db.prisma, now);
  await syncTipLibrary(db.prisma);
  const i18n = createI18n(config.defaultLocale);
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
    /* containers without a passwd entry */
  }
  return {
    config,
    db,
    t: translator(i18n, config.defaultLocale),
    // Messages are shared with the chat, so they are Telegram HTML (escaped values, a few tags):
    // the terminal gets plain text.
    out: (line = "") => (io.out ?? ((l: string) => process.stdout.write(`${l}\n`)))(htmlToTerminal(line, false)),
    err: (line) => (io.err ?? ((l: string) => process.stderr.write(`${l}\n`)))(htmlToTerminal(line, false)),
    actor: `cli:${user}`,
    now,
    hasToken: Boolean(env.BOT_TOKEN?.trim()),
  };
}
