// Bolt's logger interface over the service's pino logger (tokens are scrubbed there).
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../logger.js";

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ").slice(0, 500);
  return {
    debug: (...msg) => logger.debug({ component: "slack" }, text(msg)),
    info: (...msg) => logger.debug({ component: "slack" }, text(msg)),
    warn: (...msg) => logger.warn({ component: "slack" }, text(msg)),
    error: (...msg) => logger.error({ component: "slack" }, text(msg)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
