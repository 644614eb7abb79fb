// `npm start`: reads the configuration (environment and .env), starts the service, and
// stops it cleanly on SIGTERM/SIGINT (updates in progress finish first).
import { config as loadDotenv } from "dotenv";
import { type RunningApp, StartupError, startApp } from "./app.js";
import { StartupAborted } from "./startup-error.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger, scrubSecrets } from "./logger.js";

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const line of e.lines) process.stderr.write(`${line}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken, config.webhookSecret ?? "", config.zalo?.token ?? "", config.zalo?.webhookSecret ?? "", config.slack?.botToken ?? "", config.slack?.appToken ?? "", config.slack?.signingSecret ?? ""] });
  // Signals are heard from the start: a stop while start-up waits for Telegram is a clean exit.
  const startup = new AbortController();
  let running: RunningApp | undefined;
  let signals = 0;
  const stop = (app: RunningApp) =>
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ error: (err as Error).message }, "shutdown failed");
        process.exit(1);
      },
    );
  const shutdown = (signal: string) => {
    signals++;
    if (signals > 1) process.exit(1); // a second Ctrl+C: stop now
    logger.info({ signal }, "shutdown requested");
    if (running) void stop(running);
    else startup.abort();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  try {
    running = await startApp(config, { logger, onFatal: () => process.exit(1), signal: startup.signal });
  } catch (e) {
    if (e instanceof StartupAborted) {
      logger.info("stopped during start-up");
      process.exit(0);
    }
    if (e instanceof StartupError) {
      logger.fatal(e.message);
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  // Asked to stop while a later start-up step ran: stop now that everything is up.
  if (startup.signal.aborted) void stop(running);
}

main().catch((e: unknown) => {
  // Last resort: keep secrets out of the message.
  process.stderr.write(`Lỗi khởi động: ${scrubSecrets((e as Error)?.stack ?? String(e))}\n`);
  process.exit(1);
});
