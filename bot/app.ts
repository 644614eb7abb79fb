// Starting and stopping the whole service: database (migrated and seeded), bot (polling
// through grammY's runner, or a webhook), HTTP endpoints. `main.ts` calls this with the
// process's configuration; tests call it with their own.
import { run, type RunnerHandle } from "@grammyjs/runner";
import { GrammyError, webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AppConfig } from "./config.js";
import { type BotApp, ALLOWED_UPDATES, createBot } from "./channels/telegram/create-bot.js";
import { clockStartingAt } from "./clock.js";
import { type Database, openDatabase } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { seedPlan2021 } from "./db/seed.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import { type HttpServer, readJsonBody, type Route, sendJson, startHttpServer } from "./http-server.js";
import { createI18n } from "./i18n.js";
import type { Logger } from "./logger.js";
import { publishDefaultMenus } from "./channels/telegram/menus.js";
import { apiHost, describeFailure } from "./channels/telegram/network.js";
import { connectToTelegram, pollingOutageLog } from "./channels/telegram/connect.js";
import { OutboxSender, type SenderOptions } from "./delivery/sender.js";
import { senderApi, telegramTransport } from "./channels/telegram/transport.js";
import { ZaloApi, ZaloApiError } from "./channels/zalo/api.js";
import { createZaloChannel, type ZaloChannel } from "./channels/zalo/channel.js";
import { zaloTransport } from "./channels/zalo/transport.js";
import type { SlackChannel, SlackIdentity } from "./channels/slack/channel.js";
import { downloadRoute } from "./delivery/downloads.js";
import type { Transport } from "./delivery/transport.js";
import { JOBS } from "./jobs/index.js";
import { createScheduler, type Scheduler } from "./jobs/scheduler.js";
import type { JobDefinition } from "./jobs/types.js";
import { dossierIngestRoute } from "./services/dossiers/ingest-route.js";
import { syncTipLibrary } from "./services/tips/library.js";
import { calendarStore } from "./services/working-calendar.js";

/** Telegram's updates are a few kilobytes; a message is at most 4096 characters. */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

import { StartupError } from "./startup-error.js";
export { StartupError };

export interface AppOptions {
  logger: Logger;
  clock?: () => Date;
  /** Sender settings (tests raise the limits and shorten the lease). */
  sender?: Partial<SenderOptions>;
  /** Run the scheduled jobs (default true; tests drive jobs with a fixed clock instead). */
  scheduler?: boolean;
  /** Run the outbox sender in the background (default true; tests may drain it themselves). */
  backgroundSender?: boolean;
  jobs?: readonly JobDefinition[];
  botInfo?: UserFromGetMe;
  /** Called when the bot can no longer receive updates (main exits). */
  onFatal?: (error: unknown) => void;
  /** Aborted when the process is asked to stop during start-up (waiting for Telegram). */
  signal?: AbortSignal;
}

export interface RunningApp {
  app: BotApp;
  db: Database;
  http: HttpServer | undefined;
  sender: OutboxSender;
  scheduler: Scheduler;
  /** The Zalo channel, when ZALO_BOT_TOKEN is set. */
  zalo: ZaloChannel | undefined;
  /** The Slack channel, when SLACK_BOT_TOKEN is set. */
  slack: SlackChannel | undefined;
  stop(): Promise<void>;
}

async function prepareDatabase(config: AppConfig, logger: Logger, now: Date): Promise<Database> {
  const result = await migrate(config.databaseUrl);
  for (const w of result.warnings) logger.warn(w);
  if (result.applied.length) logger.info({ applied: result.applied }, "database migrated");
  const db = await openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize, waitMs: config.databaseWaitMs });
  const seeded = await seedPlan2021(db.prisma, now);
  if (seeded.seeded) logger.info({ units: seeded.units, tasks: seeded.tasks }, "2021 plan loaded into the empty database");
  const tips = await syncTipLibrary(db.prisma);
  if (tips.created || tips.updated || tips.deactivated) logger.info(tips, "security tip library updated");
  return db;
}

export async function startApp(config: AppConfig, opts: AppOptions): Promise<RunningApp> {
  const { logger } = opts;
  const clock = opts.clock ?? clockStartingAt(config.clockAt);
  if (!opts.clock && config.clockAt) logger.warn({ clockAt: config.clockAt.toISOString() }, "CLOCK_AT is set: the bot's clock is not the system clock (tests and demos only)");
  const db = await prepareDatabase(config, logger, clock());
  const i18n = createI18n(config.defaultLocale);
  const calendar = calendarStore(db.prisma, config.timezone);
  // Zalo first: its bot id keys the de-duplication of its events.
  let zaloBotId: string | undefined;
  if (config.zalo) {
    try {
      zaloBotId = (await new ZaloApi(config.zalo.token, config.zalo.apiRoot).getMe()).id;
    } catch (e) {
      await db.close();
      if (e instanceof ZaloApiError && (e.code === 401 || e.code === 404))
        throw new StartupError("Zalo Bot Platform từ chối ZALO_BOT_TOKEN (401): kiểm tra lại mã bot trong Zalo Bot Manager.");
      throw new StartupError(`Không kết nối được Zalo Bot API tại ${config.zalo.apiRoot}: ${(e as Error).message}`);
    }
  }
  // Slack too: auth.test checks the token and names the workspace that keys its events.
  let slackIdentity: SlackIdentity | undefined;
  // Bolt is loaded only where Slack is configured (~20 MB of memory the other instances keep).
  const slackModule = config.slack ? await import("./channels/slack/channel.js") : undefined;
  if (config.slack && slackModule) {
    try {
      slackIdentity = await slackModule.connectToSlack(config.slack);
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  const transports: Record<string, Transport> = {
    ...(config.telegram ? { telegram: telegramTransport(senderApi(config.botToken, config.apiRoot)) } : {}),
    ...(config.zalo ? { zalo: zaloTransport(new ZaloApi(config.zalo.token, config.zalo.apiRoot), { db: db.prisma, config, i18n, clock }) } : {}),
  };
  // The Slack channel is built once the chat deps exist; its transport is registered then.
  const sender = new OutboxSender(db.prisma, transports, logger, {
    instanceId: config.instanceId,
    timeZone: config.timezone,
    clock,
    ...opts.sender,
  });
  const wakeSender = () => sender.wake();
  const app = createBot(config, { db: db.prisma, config, logger, i18n, clock, calendar, wakeSender }, opts.botInfo ? { botInfo: opts.botInfo } : {});
  const { bot } = app;
  // Zalo alone (no BOT_TOKEN): the grammY bot is built for its commands but never started.
  const telegramOn = config.telegram;
  if (telegramOn) {
    if (!bot.isInited()) {
      try {
        bot.botInfo = await connectToTelegram(config, logger, opts.signal ? { signal: opts.signal } : {});
      } catch (e) {
        await db.close();
        throw e;
      }
    }
    logger.info({ username: bot.botInfo.username, mode: config.mode }, "bot ready");
    await publishDefaultMenus(bot.api, app.commands.map((m) => m.spec), i18n, config.defaultLocale).catch((e: unknown) =>
      logger.warn({ error: (e as Error).message }, "could not publish the command menus"),
    );
  }

  const routes: Route[] = [
    {
      method: "GET",
      path: "/healthz",
      handler: async (_req, res) => {
        try {
          await db.prisma.$queryRawUnsafe("SELECT 1");
          sendJson(res, 200, { ok: true, bot: telegramOn ? bot.botInfo.username : undefined, mode: config.mode, zalo: config.zalo ? config.zalo.mode : undefined, slack: config.slack ? config.slack.mode : undefined });
        } catch {
          sendJson(res, 503, { ok: false, error: "database unavailable" });
        }
      },
    },
  ];

  // The one-stop system pushes dossiers here (served only when the HTTP server runs: PORT).
  routes.push(dossierIngestRoute({ db: db.prisma, calendar, logger, clock, timeZone: config.timezone }));
  // Documents for channels without uploads (Zalo), as one-time links.
  routes.push(downloadRoute({ db: db.prisma, clock, logger }));

  const zalo = config.zalo ? createZaloChannel(config.zalo, app.deps, app.commands, zaloBotId!) : undefined;
  if (zalo && config.zalo?.mode === "webhook") routes.push(zalo.webhookRoute());

  const slack = config.slack && slackModule ? slackModule.createSlackChannel(config.slack, app.deps, app.commands, slackIdentity!) : undefined;
  if (slack) {
    transports.slack = slack.transport;
    const route = slack.route();
    if (route) routes.push(route);
  }

  let runner: RunnerHandle | undefined;
  let lastUpdateId = -1;
  if (telegramOn && config.mode === "webhook") {
    const path = new URL(config.webhookUrl!).pathname || "/";
    // Answer within Telegram's patience; a slow update is finished after answering, and
    // a retried delivery is recognised by its update_id (dedupe middleware).
    // grammY's own "http" adapter reads any body whole and answers malformed JSON with 500:
    // this one is grammY's, reading the body (only after the secret matched) with a cap.
    const adapter = (req: IncomingMessage, res: ServerResponse) => {
      const secret = req.headers["x-telegram-bot-api-secret-token"];
      return {
        get update() {
          return readJsonBody(req, WEBHOOK_MAX_BODY_BYTES) as Promise<Update>;
        },
        header: Array.isArray(secret) ? secret[0] : secret,
        end: () => void res.end(),
        respond: (json: string) => void res.writeHead(200, { "Content-Type": "application/json" }).end(json),
        unauthorized: () => void res.writeHead(401).end("secret token is wrong"),
      };
    };
    const handle = webhookCallback(bot, adapter, { secretToken: config.webhookSecret, timeoutMilliseconds: 50_000, onTimeout: "return" });
    routes.push({
      method: "POST",
      path,
      handler: async (req, res) => {
        await handle(req, res);
      },
    });
  }

  let http: HttpServer | undefined;
  if (config.port !== undefined) {
    http = await startHttpServer({ host: config.host, port: config.port, routes, logger });
    logger.info({ port: http.port }, "http server listening");
  }

  if (!telegramOn) {
    /* no Telegram channel */
  } else if (config.mode === "webhook") {
    await bot.api.setWebhook(config.webhookUrl!, { secret_token: config.webhookSecret!, allowed_updates: [...ALLOWED_UPDATES] });
  } else {
    // getUpdates fails while a webhook is set; keep pending updates.
    await bot.api.deleteWebhook({ drop_pending_updates: false });
    const outage = pollingOutageLog(logger, apiHost(config.apiRoot));
    bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "getUpdates") {
        let res;
        try {
          res = await prev(method, payload, signal);
        } catch (e) {
          if (!signal?.aborted) outage.failed(describeFailure(e));
          throw e;
        }
        if (res.ok) outage.succeeded();
        else if (res.error_code >= 500 || res.error_code === 429) outage.failed(`${res.error_code} ${res.description}`);
        if (res.ok && Array.isArray(res.result)) {
          for (const u of res.result as { update_id: number }[]) lastUpdateId = Math.max(lastUpdateId, u.update_id);
        }
        return res;
      }
      return prev(method, payload, signal);
    });
    runner = run(bot, {
      // A steady retry every 2 s: the runner's default doubles its wait without a cap, so a
      // night-long outage would leave the bot deaf for hours after the network came back.
      runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: 30 }, silent: true, maxRetryTime: Number.POSITIVE_INFINITY, retryInterval: 2000 },
    });
    // Network errors are retried for ever (logged, see pollingOutageLog); what ends polling is
    // unrecoverable (401: the token was revoked; 409: another process polls with the same token).
    runner.task()?.catch((e: unknown) => {
      const description = e instanceof GrammyError ? `${e.error_code} ${e.description}` : (e as Error).message;
      logger.fatal({ error: description }, "polling stopped");
      opts.onFatal?.(e);
    });
  }

  if (zalo && config.zalo) {
    if (config.zalo.mode === "webhook") {
      await zalo.api.call("setWebhook", { url: config.zalo.webhookUrl, secret_token: config.zalo.webhookSecret });
    } else {
      // getUpdates does not work while a webhook is set.
      await zalo.api.call("deleteWebhook").catch((e: unknown) => logger.warn({ error: (e as Error).message }, "could not delete the Zalo webhook"));
      zalo.startPolling();
    }
    logger.info({ mode: config.zalo.mode }, "zalo channel ready");
  }

  if (slack && config.slack) {
    try {
      await slack.start();
    } catch (e) {
      await http?.close();
      await db.close();
      throw new StartupError(`Không mở được kết nối Socket Mode với Slack (kiểm tra SLACK_APP_TOKEN, quyền connections:write): ${(e as Error).message?.split("\n")[0]}`);
    }
    logger.info({ mode: config.slack.mode, team: slackIdentity!.teamId }, "slack channel ready");
  }

  if (opts.backgroundSender !== false) sender.start();
  const scheduler = createScheduler(opts.jobs ?? JOBS, { db: db.prisma, config, logger, i18n, calendar, wakeSender }, { instance: config.instanceId, clock });
  if (opts.scheduler !== false) await scheduler.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info("stopping");
      await scheduler.stop();
      if (runner) {
        await runner.stop();
        // The runner stops fetching at once; updates already fetched finish here.
        const deadline = Date.now() + 30_000;
        while (runner.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
        // Confirm what was handled, so the next start does not fetch it again.
        if (lastUpdateId >= 0) await bot.api.getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 }).catch(() => undefined);
      }
      await zalo?.stop();
      await slack?.stop();
      await http?.close();
      await sender.stop();
      await db.close();
      logger.info("stopped");
    })());
  return { app, db, http, sender, scheduler, zalo, slack, stop };
}
