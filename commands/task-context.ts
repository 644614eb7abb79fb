// What the task commands (/nhiemvu, /baocao, /donvi) share: who is asking and the task
// services' environment.
import type { Turn } from "../bot/chat/turn.js";
import type { Viewer } from "../bot/services/tasks/access.js";
import type { FormatEnv } from "../bot/services/tasks/format.js";
import type { TaskEnv } from "../bot/services/tasks/queries.js";
import { localParts } from "../bot/services/time.js";

export function viewerOf(turn: Turn): Viewer {
  const s = turn.identity!.staff;
  return { staffId: s.id, unitId: s.unitId, role: s.role };
}

export async function taskEnv(turn: Turn): Promise<TaskEnv & { now: Date }> {
  return {
    db: turn.deps.db,
    calendar: await turn.deps.calendar.get(),
    today: localParts(turn.now, turn.deps.config.timezone).date,
    now: turn.now,
  };
}

export function formatEnv(turn: Turn): FormatEnv {
  return { t: turn.t, timeZone: turn.deps.config.timezone };
}
