// The audit log: append-only (the database refuses updates and deletes). Every role-gated
// action, binding and import is written here, allowed or denied.
import type { Db } from "../db/client.js";

export interface AuditEntry {
  actor: string; // "telegram:<user id>" | "cli:<os user>" | "system" | "http:<client>"
  actorStaffId?: number | null;
  action: string;
  target?: string | null;
  outcome?: "ok" | "denied" | "failed";
  details?: Record<string, unknown>;
  at?: Date;
}

type AuditWriter = Pick<Db, "auditLog">;

export async function audit(db: AuditWriter, e: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actor: e.actor,
      actorStaffId: e.actorStaffId ?? null,
      action: e.action,
      target: e.target ?? null,
      outcome: e.outcome ?? "ok",
      details: e.details ? JSON.stringify(e.details) : null,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}
