// The office closes a finished task (no more reports; it counts as complete) or reopens it.
// Allowed to the office roles only; every attempt, allowed or not, is in the audit log.
import type { Db } from "../../db/client.js";
import { audit } from "../audit.js";
import { canCloseTasks, type Viewer } from "./access.js";
import { findTaskByCode } from "./codes.js";

export type TaskStatusChange = "close" | "reopen";

export type StatusResult =
  | { ok: true; changed: boolean; task: { id: number; code: string; title: string; status: string } }
  | { ok: false; reason: "not_found" | "forbidden" };

export interface StatusActor {
  /** "telegram:<id>" | "cli:<user>" */
  actor: string;
  /** The staff member acting in the chat (the CLI is the office by definition). */
  viewer?: Viewer;
}

export async function setTaskStatus(
  db: Db,
  who: StatusActor,
  target: { id: number } | { code: string },
  change: TaskStatusChange,
  now: Date,
): Promise<StatusResult> {
  const action = change === "close" ? "task.close" : "task.reopen";
  const label = "id" in target ? `task#${target.id}` : `task:${target.code}`;
  const actorStaffId = who.viewer?.staffId ?? null;
  if (who.viewer && !canCloseTasks(who.viewer)) {
    await audit(db, { actor: who.actor, actorStaffId, action, target: label, outcome: "denied", at: now });
    return { ok: false, reason: "forbidden" };
  }
  return db.$transaction(async (tx) => {
    const id = "id" in target ? target.id : (await findTaskByCode(tx, target.code))?.id;
    const task = id !== undefined && Number.isSafeInteger(id) ? await tx.task.findUnique({ where: { id }, select: { id: true, code: true, title: true, status: true } }) : null;
    if (!task) {
      await audit(tx, { actor: who.actor, actorStaffId, action, target: label, outcome: "failed", details: { reason: "not_found" }, at: now });
      return { ok: false as const, reason: "not_found" as const };
    }
    const status = change === "close" ? "closed" : "open";
    const changed = task.status !== status;
    const closedBy = who.viewer ? `staff:${who.viewer.staffId}` : who.actor;
    if (changed) {
      await tx.task.update({
        where: { id: task.id },
        data: change === "close" ? { status, closedAt: now, closedBy } : { status, closedAt: null, closedBy: null },
      });
    }
    await audit(tx, { actor: who.actor, actorStaffId, action, target: `task:${task.code}`, details: { changed }, at: now });
    return { ok: true as const, changed, task: { ...task, status } };
  });
}
