// The real bot as its own process for `npm run bench`: the service (startApp) on the bench's
// database and fake Bot API (from the environment), the outbox sender running with Telegram's
// real limits, the scheduler off (the bench runs the jobs itself, with a fixed clock).
import { startApp } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/logger.js";

const config = loadConfig(process.env);
const logger = createLogger({ level: "warn", secrets: [config.botToken] });
const app = await startApp(config, { logger, scheduler: false, backgroundSender: true });
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void app.stop().then(() => process.exit(0));
});
