// What the alert commands share: the services' dependencies and actor from a turn, and the
// office check repeated on every turn (the command guard checks the role; this checks the
// alert service's own rule, so the two cannot drift apart silently).
import { refuse } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { type AlertActor, type AlertDeps, mayManageAlerts } from "../bot/services/alerts/model.js";

export function alertDeps(turn: Turn): AlertDeps {
  return { db: turn.deps.db, i18n: turn.deps.i18n, timeZone: turn.deps.config.timezone, defaultLocale: turn.deps.config.defaultLocale };
}

export function alertActor(turn: Turn): AlertActor {
  const s = turn.identity!.staff;
  return { actor: turn.actor, staffId: s.id, role: s.role };
}

export async function officeOnly(turn: Turn): Promise<boolean> {
  if (turn.identity && mayManageAlerts(alertActor(turn))) return true;
  await refuse(turn, "common.noPermission");
  return false;
}
