// Reminders and escalation for unacknowledged alerts. A recipient whose copy was delivered
// and who has not pressed "Đã đọc" is reminded `alerts.reminderMinutes` of working time
// after the copy (or the previous reminder) went out, only within working hours; Khẩn
// alerts use `alerts.urgentReminderMinutes` of clock time, day and night, ignoring quiet
// hours. After `alerts.remindersBeforeEscalation` reminders, one more delay without an
// acknowledgement escalates them to their unit's head (one message per person told).
// Every reminder is a conditional update of the recipient row plus an outbox message with a
// de-duplication key, in one transaction: a rerun never reminds twice. Each person is handled
// on their own (../recipient-errors.ts): one failure does not cost the others their message.
import { enqueue } from "../../delivery/outbox.js";
import type { WorkingCalendar } from "../calendar/index.js";
import { RecipientErrors } from "../recipient-errors.js";
import { getSetting } from "../settings.js";
import { translators } from "./broadcast.js";
import { type AlertDeps, isUrgent } from "./model.js";
import { escalationNotice, reminderCopy } from "./render.js";

/** Older alerts are no longer chased. */
const FOLLOW_DAYS = 14;

export interface ReminderRun {
  reminded: number;
  escalated: number;
  escalationMessages: number;
}

export async function runAlertReminders(
  deps: AlertDeps & { calendar: WorkingCalendar },
  now: Date,
  errors = new RecipientErrors(undefined, "alert-reminders"),
): Promise<ReminderRun> {
  const { db, calendar } = deps;
  const run: ReminderRun = { reminded: 0, escalated: 0, escalationMessages: 0 };
  const [normalMinutes, urgentMinutes, maxReminders] = await Promise.all([
    getSetting(db, "alerts.reminderMinutes"),
    getSetting(db, "alerts.urgentReminderMinutes"),
    getSetting(db, "alerts.remindersBeforeEscalation"),
  ]);
  const alerts = await db.securityAlert.findMany({
    where: { status: "sent", corrections: { none: {} }, sentAt: { gte: new Date(now.getTime() - FOLLOW_DAYS * 86_400_000) } },
    orderBy: { id: "asc" },
  });
  const inWorkingTime = calendar.isWorkingTime(now);
  const tr = translators(deps);
  for (const alert of alerts) {
    const urgent = isUrgent(alert.severity);
    if (!urgent && !inWorkingTime) continue;
    const due = (base: Date) =>
      urgent ? new Date(base.getTime() + urgentMinutes * 60_000) : calendar.addWorkingHours(base, normalMinutes / 60);
    const open = await db.alertRecipient.findMany({
      where: { alertId: alert.id, ackAt: null, escalatedAt: null },
      include: { staff: { select: { fullName: true, locale: true } } },
      orderBy: { id: "asc" },
    });
    if (open.length === 0) continue;
    const copies = await db.outboxMessage.findMany({
      // Every sent copy of the alert (at most one per recipient), not a list of their ids.
      where: { refType: "alert", refId: alert.id, kind: "alert", status: "sent" },
      select: { staffId: true, sentAt: true },
    });
    const deliveredAt = new Map(copies.map((c) => [c.staffId, c.sentAt]));
    const ready = open.filter((r) => {
      const base = r.lastRemindedAt ?? deliveredAt.get(r.staffId);
      return base && due(base) <= now;
    });
    if (ready.length === 0) continue;
    const toRemind = ready.filter((r) => r.reminders < maxReminders);
    const toEscalate = ready.filter((r) => r.reminders >= maxReminders);
    const opts = { now, timeZone: deps.timeZone };

    // Each person on their own: one failure is logged and recorded with the job's run, the
    // others still go out, and the retry finds only what is still missing (de-duplication keys).
    for (const r of toRemind) {
      await errors.each(`alert:${alert.id}:staff:${r.staffId}`, () =>
        db.$transaction(async (tx) => {
          const n = r.reminders + 1;
          const claimed = await tx.alertRecipient.updateMany({
            where: { id: r.id, reminders: r.reminders, ackAt: null },
            data: { reminders: n, lastRemindedAt: now },
          });
          if (claimed.count === 0) return;
          await enqueue(
            tx,
            {
              dedupKey: `alert:${alert.id}:remind:${n}:${r.staffId}`,
              kind: "alert-reminder",
              staffId: r.staffId,
              payload: reminderCopy(tr(r.staff.locale), alert, r.id, n, deps.timeZone, now),
              urgent,
              refType: "alert",
              refId: alert.id,
            },
            opts,
          );
          run.reminded++;
        }),
      );
    }
    if (toEscalate.length === 0) continue;

    // Who hears about each person: the heads of their unit (not themselves); failing that,
    // whoever sent the alert; failing that, the office.
    const unitIds = [...new Set(toEscalate.map((r) => r.unitId).filter((u): u is number => u !== null))];
    const [heads, office, units] = await Promise.all([
      db.staff.findMany({ where: { active: true, role: "truong_phong", unitId: { in: unitIds } }, select: { id: true, unitId: true, locale: true } }),
      db.staff.findMany({ where: { active: true, role: "van_phong" }, select: { id: true, unitId: true, locale: true } }),
      db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
    ]);
    const creator = alert.createdById !== null ? await db.staff.findUnique({ where: { id: alert.createdById }, select: { id: true, unitId: true, locale: true, active: true } }) : null;
    // One message per person told, whatever the number of units concerned.
    const batches = new Map<number, { target: { id: number; locale: string | null }; people: typeof toEscalate }>();
    const targetsOf = new Map<number, number[]>();
    for (const r of toEscalate) {
      let targets = heads.filter((h) => h.unitId === r.unitId && h.id !== r.staffId);
      if (targets.length === 0 && creator?.active && creator.id !== r.staffId) targets = [creator];
      if (targets.length === 0) targets = office.filter((o) => o.id !== r.staffId);
      targetsOf.set(r.id, targets.map((t) => t.id));
      for (const target of targets) {
        const batch = batches.get(target.id) ?? { target, people: [] };
        batch.people.push(r);
        batches.set(target.id, batch);
      }
    }
    const unitName = (id: number | null) => units.find((u) => u.id === id)?.name ?? "";
    // Each person told on their own; a person counts as escalated once everyone who must hear
    // about them has their message recorded (a retry tells only those still missing).
    const told = new Set<number>();
    for (const [targetId, b] of batches) {
      const unitIdsOf = [...new Set(b.people.map((p) => p.unitId))];
      const several = unitIdsOf.length > 1;
      const names = b.people.map((p) => (several ? `${p.staff.fullName} (${unitName(p.unitId)})` : p.staff.fullName));
      const res = await errors.each(`alert:${alert.id}:head:${targetId}`, () =>
        enqueue(
          db,
          {
            dedupKey: `alert:${alert.id}:esc:${targetId}:${b.people[0]!.id}`,
            kind: "alert-escalation",
            staffId: targetId,
            payload: escalationNotice(tr(b.target.locale), alert, unitIdsOf.map(unitName).join(", "), names, maxReminders),
            urgent,
            refType: "alert",
            refId: alert.id,
          },
          opts,
        ),
      );
      if (!res) continue;
      told.add(targetId);
      if (res.status === "queued") run.escalationMessages++;
    }
    for (const r of toEscalate) {
      if (!targetsOf.get(r.id)!.every((t) => told.has(t))) continue;
      const claimed = await errors.each(`alert:${alert.id}:staff:${r.staffId}`, () =>
        db.alertRecipient.updateMany({ where: { id: r.id, ackAt: null, escalatedAt: null }, data: { escalatedAt: now } }),
      );
      if (claimed?.count) run.escalated++;
    }
  }
  return run;
}
