// Configuration comes from the environment (and a .env file), is validated once here,
// and start-up stops with one line per bad key that a sysadmin can act on.
import { z } from "zod";
import { parseLocalDateTime } from "./clock.js";
import { MAX_INVITE_TTL_HOURS } from "./services/invites.js";

// BotFather's tokens: the bot's id, a colon, 35 characters; a little slack either way so that a
// future longer token is not refused.
const TOKEN_RE = /^\d{5,16}:[A-Za-z0-9_-]{30,64}$/;
/** The README's example: a token's shape, never a real one. */
export const TOKEN_SHAPE_EXAMPLE = "123456789:AAH-paste-your-token-from-BotFather";
const SECRET_RE = /^[A-Za-z0-9_-]{1,256}$/;
const ZALO_TOKEN_RE = /^\d{3,20}:[A-Za-z0-9_-]{10,128}$/;
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");

// Each message says what is expected, in Vietnamese then English. Never echo a value:
// it could be a token.
const schema = z
  .object({
    BOT_TOKEN: z
      .string({ error: "thiếu; cần mã bot do @BotFather cấp (missing; the token from @BotFather)" })
      .regex(TOKEN_RE, {
        error: `không đúng dạng mã bot: cần các chữ số, dấu hai chấm rồi 35 ký tự A-Z a-z 0-9 _ - như @BotFather cấp, ví dụ ${TOKEN_SHAPE_EXAMPLE} (expected digits, a colon, then 35 characters of A-Z a-z 0-9 _ - as @BotFather gives)`,
      }),
    BOT_USERNAME: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, { error: "tên bot không có @, ví dụ sokhcn_bot (bot username without @)" })
      .optional(),
    DATABASE_URL: z
      .string()
      .default("file:./data/bot.db")
      .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), {
        error: "cần file:<đường dẫn> (SQLite) hoặc postgresql://... (expected file:<path> or postgresql://...)",
      }),
    DATABASE_POOL_SIZE: z.coerce
      .number({ error: "cần số nguyên 1..100 (integer 1..100)" })
      .int()
      .min(1)
      .max(100)
      .default(10),
    DATABASE_WAIT_SECONDS: z.coerce
      .number({ error: "cần số giây 1..600 (seconds 1..600)" })
      .int()
      .min(1)
      .max(600)
      .default(30),
    TELEGRAM_API_ROOT: z
      .url({ error: "cần một URL http(s) (expected an http(s) URL)", protocol: /^https?$/ })
      .default("https://api.telegram.org")
      .transform((v) => v.replace(/\/+$/, "")),
    BOT_MODE: z
      .enum(["polling", "webhook"], { error: "cần polling hoặc webhook (expected polling or webhook)" })
      .default("polling"),
    WEBHOOK_URL: z.url({ error: "cần URL https công khai của bot (expected the public https URL)", protocol: /^https?$/ }).optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(SECRET_RE, { error: "1-256 ký tự A-Z a-z 0-9 _ - (1-256 characters of A-Za-z0-9_-)" })
      .optional(),
    PORT: z.coerce
      .number({ error: "cần số cổng 0..65535 (expected a port number; 0 = any free port)" })
      .int()
      .min(0)
      .max(65535)
      .optional(),
    HOST: z.string().default("0.0.0.0"),
    TIMEZONE: z
      .string()
      .default("Asia/Ho_Chi_Minh")
      .refine(isTimeZone, { error: "cần tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh (expected an IANA time zone)" }),
    DEFAULT_LOCALE: z.enum(["vi", "en"], { error: "cần vi hoặc en (expected vi or en)" }).default("vi"),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `cần một trong ${LOG_LEVELS.join(", ")} (expected one of these)` }).default("info"),
    INVITE_TTL_HOURS: z.coerce
      .number({ error: `cần số giờ 1..${MAX_INVITE_TTL_HOURS} (expected hours 1..${MAX_INVITE_TTL_HOURS})` })
      .int()
      .min(1)
      .max(MAX_INVITE_TTL_HOURS)
      .default(72),
    INSTANCE_ID: z.string().min(1).max(64).optional(),
    DIGEST_TIME: hhmm.default("07:30"),
    ZALO_BOT_TOKEN: z
      .string()
      .regex(ZALO_TOKEN_RE, { error: "không đúng dạng <bot id>:<chuỗi bí mật> mà Zalo Bot Platform cấp (not a Zalo bot token)" })
      .optional(),
    ZALO_API_ROOT: z
      .url({ error: "cần một URL http(s) (expected an http(s) URL)", protocol: /^https?$/ })
      .default("https://bot-api.zaloplatforms.com")
      .transform((v) => v.replace(/\/+$/, "")),
    ZALO_MODE: z.enum(["polling", "webhook"], { error: "cần polling hoặc webhook (expected polling or webhook)" }).default("polling"),
    ZALO_WEBHOOK_URL: z.url({ error: "cần URL https công khai của bot (expected the public https URL)", protocol: /^https?$/ }).optional(),
    ZALO_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,256}$/, { error: "8-256 ký tự A-Z a-z 0-9 _ - (8-256 characters of A-Za-z0-9_-)" })
      .optional(),
    SLACK_BOT_TOKEN: z
      .string()
      .regex(/^xoxb-[A-Za-z0-9-]{10,250}$/, { error: "không đúng dạng mã bot Slack xoxb-... (Bot User OAuth Token) (not a Slack bot token xoxb-...)" })
      .optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-[A-Za-z0-9-]{10,250}$/, { error: "không đúng dạng mã ứng dụng Slack xapp-... có quyền connections:write (not a Slack app-level token xapp-...)" })
      .optional(),
    SLACK_SIGNING_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9]{16,128}$/, { error: "không đúng dạng Signing Secret của ứng dụng Slack (16-128 chữ và số) (not a Slack signing secret)" })
      .optional(),
    SLACK_MODE: z.enum(["socket", "http"], { error: "cần socket hoặc http (expected socket or http)" }).default("socket"),
    SLACK_API_URL: z
      .url({ error: "cần một URL http(s) (expected an http(s) URL)", protocol: /^https?$/ })
      .default("https://slack.com/api/")
      .transform((v) => (v.endsWith("/") ? v : `${v}/`)),
    PUBLIC_URL: z
      .url({ error: "cần địa chỉ http(s) công khai của máy chủ bot (expected the bot's public http(s) address)", protocol: /^https?$/ })
      .transform((v) => v.replace(/\/+$/, ""))
      .optional(),
    DOWNLOAD_LINK_MINUTES: z.coerce
      .number({ error: "cần số phút 5..1440 (expected minutes 5..1440)" })
      .int()
      .min(5)
      .max(1440)
      .default(60),
    // Tests, the demo and trials only: the service's clock starts at this local time.
    CLOCK_AT: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.ZALO_BOT_TOKEN && !c.PUBLIC_URL)
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_URL"],
        message: "thiếu; kênh Zalo gửi tài liệu bằng đường dẫn tải về trên máy chủ bot (missing; Zalo gets documents as download links)",
      });
    if (c.ZALO_MODE === "webhook" && !c.ZALO_WEBHOOK_URL)
      ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_URL"], message: "thiếu; webhook Zalo cần URL https công khai (missing; the Zalo webhook needs a public URL)" });
    if (c.ZALO_MODE === "webhook" && !c.ZALO_WEBHOOK_SECRET)
      ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_SECRET"], message: "thiếu; webhook Zalo cần chuỗi bí mật 8-256 ký tự (missing; the Zalo webhook needs a secret)" });
    if (c.SLACK_BOT_TOKEN && c.SLACK_MODE === "socket" && !c.SLACK_APP_TOKEN)
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_APP_TOKEN"],
        message: "thiếu; Socket Mode cần mã ứng dụng xapp-... (hoặc đặt SLACK_MODE=http với SLACK_SIGNING_SECRET) (missing; Socket Mode needs the xapp- token)",
      });
    if (c.SLACK_BOT_TOKEN && c.SLACK_MODE === "http" && !c.SLACK_SIGNING_SECRET)
      ctx.addIssue({ code: "custom", path: ["SLACK_SIGNING_SECRET"], message: "thiếu; chế độ HTTP cần Signing Secret của ứng dụng Slack (missing; HTTP mode needs the signing secret)" });
    if (!c.SLACK_BOT_TOKEN && (c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET))
      ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "thiếu; cần mã bot xoxb-... của ứng dụng Slack (missing; the Slack bot token xoxb-...)" });
    // A bad TIMEZONE has its own message; CLOCK_AT is read in that zone only once it is valid.
    if (c.CLOCK_AT !== undefined && isTimeZone(c.TIMEZONE) && !parseLocalDateTime(c.CLOCK_AT, c.TIMEZONE))
      ctx.addIssue({
        code: "custom",
        path: ["CLOCK_AT"],
        message: "cần ngày giờ có thật dạng dd/mm/yyyy hh:mm, ví dụ 25/11/2026 09:00 (expected a real local date and time dd/mm/yyyy hh:mm)",
      });
    if (c.BOT_MODE !== "webhook") return;
    if (!c.WEBHOOK_URL)
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_URL"],
        message: "thiếu; chế độ webhook cần URL https công khai (missing; webhook mode needs the public https URL)",
      });
    if (!c.WEBHOOK_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message: "thiếu; chế độ webhook cần chuỗi bí mật 1-256 ký tự A-Z a-z 0-9 _ - (missing; webhook mode needs a secret)",
      });
  });

export type RawConfig = z.output<typeof schema>;

export interface AppConfig {
  /** The Telegram channel runs (BOT_TOKEN set, or no other channel configured). */
  telegram: boolean;
  botToken: string;
  botUsername: string | undefined;
  databaseUrl: string;
  databasePoolSize: number;
  /** How long a database operation waits for a connection or SQLite's write lock (ms). */
  databaseWaitMs: number;
  apiRoot: string;
  mode: "polling" | "webhook";
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  /** HTTP port for webhook, health and ingest; in polling mode only when set. */
  port: number | undefined;
  host: string;
  timezone: string;
  defaultLocale: "vi" | "en";
  logLevel: (typeof LOG_LEVELS)[number];
  inviteTtlHours: number;
  instanceId: string;
  digestTime: string;
  /** CLOCK_AT: where the clock starts (tests, the demo); undefined = the system clock. */
  clockAt: Date | undefined;
  /** The Zalo Bot channel, when ZALO_BOT_TOKEN is set. */
  zalo: ZaloConfig | undefined;
  /** The Slack channel, when SLACK_BOT_TOKEN is set. */
  slack: SlackConfig | undefined;
  /** The bot's public address (download links). */
  publicUrl: string | undefined;
  downloadLinkMinutes: number;
}

export interface ZaloConfig {
  token: string;
  apiRoot: string;
  mode: "polling" | "webhook";
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
}

export interface SlackConfig {
  botToken: string;
  /** Socket Mode (outbound WebSocket, no public URL) or HTTP (signed requests to SLACK_EVENTS_PATH). */
  mode: "socket" | "http";
  appToken: string | undefined;
  signingSecret: string | undefined;
  /** The Web API's base URL, ending in "/" (tests, a proxy). */
  apiUrl: string;
}

/** Where Slack posts events, slash commands and button presses in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "ConfigError";
  }
}

/** Keys whose absence is fine for tools that never talk to Telegram (CLI, demo). */
export interface LoadOptions {
  requireToken?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv, opts: LoadOptions = {}): AppConfig {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = env[key];
    // An empty line in .env means "not set".
    input[key] = v === undefined || v.trim() === "" ? undefined : v.trim();
  }
  // Zalo or Slack may run alone: then there is no Telegram channel at all.
  // (A Slack key without its bot token is reported as that, not as a missing BOT_TOKEN.)
  const otherChannel = input.ZALO_BOT_TOKEN !== undefined || [input.SLACK_BOT_TOKEN, input.SLACK_APP_TOKEN, input.SLACK_SIGNING_SECRET].some((v) => v !== undefined);
  const telegram = input.BOT_TOKEN !== undefined || !otherChannel;
  if ((opts.requireToken === false || otherChannel) && input.BOT_TOKEN === undefined) {
    input.BOT_TOKEN = "0000000:not-needed-for-this-tool-00000000000000";
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "?");
      return `Lỗi cấu hình ${key}: ${issue.message}`;
    });
    throw new ConfigError([...new Set(lines)]);
  }
  const c = parsed.data;
  return {
    telegram,
    botToken: c.BOT_TOKEN,
    botUsername: c.BOT_USERNAME,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    databaseWaitMs: c.DATABASE_WAIT_SECONDS * 1000,
    apiRoot: c.TELEGRAM_API_ROOT,
    mode: c.BOT_MODE,
    webhookUrl: c.WEBHOOK_URL,
    webhookSecret: c.WEBHOOK_SECRET,
    // The HTTP server also serves Zalo's webhook and the download links.
    port: c.PORT ?? (c.BOT_MODE === "webhook" || c.ZALO_BOT_TOKEN || (c.SLACK_BOT_TOKEN && c.SLACK_MODE === "http") ? 8080 : undefined),
    host: c.HOST,
    timezone: c.TIMEZONE,
    defaultLocale: c.DEFAULT_LOCALE,
    logLevel: c.LOG_LEVEL,
    inviteTtlHours: c.INVITE_TTL_HOURS,
    instanceId: c.INSTANCE_ID ?? `${process.pid}@${Math.random().toString(36).slice(2, 8)}`,
    digestTime: c.DIGEST_TIME,
    clockAt: c.CLOCK_AT === undefined ? undefined : parseLocalDateTime(c.CLOCK_AT, c.TIMEZONE),
    zalo: c.ZALO_BOT_TOKEN
      ? { token: c.ZALO_BOT_TOKEN, apiRoot: c.ZALO_API_ROOT, mode: c.ZALO_MODE, webhookUrl: c.ZALO_WEBHOOK_URL, webhookSecret: c.ZALO_WEBHOOK_SECRET }
      : undefined,
    slack: c.SLACK_BOT_TOKEN
      ? { botToken: c.SLACK_BOT_TOKEN, mode: c.SLACK_MODE, appToken: c.SLACK_APP_TOKEN, signingSecret: c.SLACK_SIGNING_SECRET, apiUrl: c.SLACK_API_URL }
      : undefined,
    publicUrl: c.PUBLIC_URL,
    downloadLinkMinutes: c.DOWNLOAD_LINK_MINUTES,
  };
}

/** The documented keys, for .env.example and the README (a test keeps them in step). */
export const CONFIG_KEYS = Object.keys(schema.shape);
