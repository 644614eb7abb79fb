// What the alert commands share: the services' dependencies from a turn; the actor and the
// office check repeated on every turn are the office commands' (an alert is an office function:
// the command guard checks the role; the check checks the service's own rule).
import type { Turn } from "../bot/chat/turn.js";
import type { AlertDeps } from "../bot/services/alerts/model.js";

export { officeActor as alertActor, officeOnly } from "./office-context.js";

export function alertDeps(turn: Turn): AlertDeps {
  return { db: turn.deps.db, i18n: turn.deps.i18n, timeZone: turn.deps.config.timezone, defaultLocale: turn.deps.config.defaultLocale };
}
