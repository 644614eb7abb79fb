// What people do to a dossier from the chat: report its result returned ("Đã xử lý", with the
// return date) and put off the reminder to the next working day ("Nhắc lại sau"). Rights are
// checked here on every call: buttons can be forged.
import type { Db } from "../../db/client.js";
import { cancelPending } from "../../delivery/outbox.js";
import { type IsoDate, toLocalDate, type WorkingCalendar } from "../calendar/index.js";
import { audit } from "../audit.js";
import { atLocal } from "../time.js";
import { canActOnDossier, canSnoozeDossier, canViewDossier, type DossierViewer } from "./access.js";
import { returnedOnTime } from "./deadline.js";
import { ConcurrentChange } from "./import.js";
import type { DossierStatus } from "./statuses.js";
import { isOpen } from "./statuses.js";

export interface ActionContext {
  db: Db;
  calendar: WorkingCalendar;
  timeZone: string;
  now: Date;
  today: IsoDate;
  /** "telegram:<user id>" */
  actor: string;
}

export type ReturnResult =
  | { ok: true; code: string; status: DossierStatus; returnedDate: IsoDate }
  | { ok: false; reason: "notFound" | "forbidden" | "closed" | "future" | "beforeReceived"; code?: string; receivedDate?: IsoDate };

/** The dossier may be reported returned by this person (for asking the date before recording it). */
export async function checkCanReportReturned(ctx: ActionContext, viewer: DossierViewer, dossierId: number): Promise<ReturnResult | { ok: true; code: string }> {
  const d = await ctx.db.dossier.findUnique({ where: { id: dossierId } });
  if (!d || !canViewDossier(viewer, d)) return { ok: false, reason: "notFound" };
  if (!canActOnDossier(viewer, d)) return { ok: false, reason: "forbidden", code: d.code };
  if (!isOpen(d.status)) return { ok: false, reason: "closed", code: d.code };
  return { ok: true, code: d.code };
}

/**
 * Records that the result was returned on `returnedDate`: on time or late against the due date
 * (waits for the applicant included). Pending reminders of the dossier are cancelled.
 */
export async function reportReturned(ctx: ActionContext, viewer: DossierViewer, dossierId: number, returnedDate: IsoDate): Promise<ReturnResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await reportReturnedOnce(ctx, viewer, dossierId, returnedDate);
    } catch (e) {
      if (attempt >= 3 || !(e instanceof ConcurrentChange)) throw e;
    }
  }
}

async function reportReturnedOnce(ctx: ActionContext, viewer: DossierViewer, dossierId: number, returnedDate: IsoDate): Promise<ReturnResult> {
  const { db, calendar, now } = ctx;
  return db.$transaction(async (tx) => {
    const d = await tx.dossier.findUnique({ where: { id: dossierId } });
    if (!d || !canViewDossier(viewer, d)) return { ok: false, reason: "notFound" } as const;
    if (!canActOnDossier(viewer, d)) return { ok: false, reason: "forbidden", code: d.code } as const;
    if (!isOpen(d.status)) return { ok: false, reason: "closed", code: d.code } as const;
    const receivedDate = toLocalDate(d.receivedAt, calendar.tzOffsetMinutes);
    if (returnedDate > ctx.today) return { ok: false, reason: "future", code: d.code } as const;
    if (returnedDate < receivedDate) return { ok: false, reason: "beforeReceived", code: d.code, receivedDate } as const;
    const returnedAt = returnedDate === ctx.today ? now : atLocal(returnedDate, calendar.workingHours.end, ctx.timeZone);
    let pausedWorkingDays = d.pausedWorkingDays;
    if (d.pausedAt && d.pausedAt < returnedAt) pausedWorkingDays += calendar.pausedWorkingDays({ from: d.pausedAt, to: returnedAt });
    const status: DossierStatus = returnedOnTime(calendar, { dueAt: d.dueAt, pausedWorkingDays }, returnedDate) ? "da_tra_dung_han" : "da_tra_tre_han";
    // Only from the state read above: an import that changed it meanwhile makes this run again.
    const written = await tx.dossier.updateMany({
      where: { id: d.id, status: d.status, pausedAt: d.pausedAt, dueAt: d.dueAt },
      data: { status, returnedAt, handledReportedAt: now, pausedAt: null, pausedWorkingDays, snoozedUntil: null },
    });
    if (written.count !== 1) throw new ConcurrentChange();
    await tx.dossierStatusChange.create({ data: { dossierId: d.id, fromStatus: d.status, toStatus: status, at: now, source: "chat", note: `báo trong chat: trả ngày ${returnedDate}` } });
    await cancelPending(tx, { refType: "dossier", refId: d.id }, now);
    await audit(tx, { actor: ctx.actor, actorStaffId: viewer.staffId, action: "dossier.returned", target: `dossier:${d.code}`, details: { returnedDate, status }, at: now });
    return { ok: true, code: d.code, status, returnedDate } as const;
  });
}

export type SnoozeResult = { ok: true; code: string; until: IsoDate } | { ok: false; reason: "notFound" | "forbidden" | "closed"; code?: string };

/** No reminder to the handler before the next working day. */
export async function snoozeDossier(ctx: ActionContext, viewer: DossierViewer, dossierId: number): Promise<SnoozeResult> {
  const d = await ctx.db.dossier.findUnique({ where: { id: dossierId } });
  if (!d || !canViewDossier(viewer, d)) return { ok: false, reason: "notFound" };
  if (!canSnoozeDossier(viewer, d)) return { ok: false, reason: "forbidden", code: d.code };
  if (!isOpen(d.status)) return { ok: false, reason: "closed", code: d.code };
  const until = ctx.calendar.nextWorkingDay(ctx.today);
  await ctx.db.dossier.update({ where: { id: d.id }, data: { snoozedUntil: until } });
  await audit(ctx.db, { actor: ctx.actor, actorStaffId: viewer.staffId, action: "dossier.snooze", target: `dossier:${d.code}`, details: { until }, at: ctx.now });
  return { ok: true, code: d.code, until };
}
