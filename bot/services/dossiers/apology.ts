// The apology slip for a dossier that will be or is late: who may have it drafted, and the
// proposed new return date, counted in working days (setting dossiers.apologyExtraWorkingDays)
// from the due date, or from today when the due date has passed.
import type { Db } from "../../db/client.js";
import { type IsoDate, toLocalDate, type WorkingCalendar } from "../calendar/index.js";
import { audit } from "../audit.js";
import { getSetting } from "../settings.js";
import { canViewDossier, type DossierViewer } from "./access.js";
import { effectiveDueDate } from "./deadline.js";
import { findDossier } from "./queries.js";

export const APOLOGY_REASON_MAX = 500;

export type ApologyResult =
  | { ok: true; code: string; fileName: string; document: Buffer; newDate: IsoDate; extraDays: number; countedFrom: IsoDate }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "notOpen"; code: string; status: string };

export async function draftApologySlip(
  ctx: { db: Db; calendar: WorkingCalendar; now: Date; today: IsoDate; actor: string },
  viewer: DossierViewer,
  ref: { id: number } | { code: string },
  reason: string | null,
): Promise<ApologyResult> {
  const { db, calendar } = ctx;
  const d = await findDossier(db, ref);
  if (!d || !canViewDossier(viewer, d)) return { ok: false, reason: "notFound" };
  // Only a dossier being processed can still be late: one waiting for the applicant has no
  // running clock, a returned or cancelled one is over.
  if (d.status !== "dang_xu_ly") return { ok: false, reason: "notOpen", code: d.code, status: d.status };
  const dueDate = effectiveDueDate(calendar, d);
  const countedFrom = dueDate < ctx.today ? ctx.today : dueDate;
  const extraDays = await getSetting(db, "dossiers.apologyExtraWorkingDays");
  const newDate = calendar.addWorkingDays(countedFrom, extraDays);
  const unit = d.unitId ? await db.unit.findUnique({ where: { id: d.unitId }, select: { shortName: true, code: true } }) : null;
  // The .docx writer is loaded on the first slip, not at start (the process's memory, issue 11).
  const { apologySlipDocx, apologySlipFileName } = await import("./apology-slip.js");
  const document = await apologySlipDocx({
    parentAgency: await getSetting(db, "agency.parentName"),
    agency: await getSetting(db, "agency.name"),
    place: await getSetting(db, "agency.place"),
    issueDate: ctx.today,
    code: d.code,
    procedureName: d.procedureName,
    applicant: d.applicant,
    receivedDate: toLocalDate(d.receivedAt, calendar.tzOffsetMinutes),
    dueDate,
    newDate,
    reason: reason?.trim() ? reason.trim() : null,
    unitShortName: unit ? (unit.shortName ?? unit.code) : null,
  });
  await audit(db, {
    actor: ctx.actor,
    actorStaffId: viewer.staffId,
    action: "dossier.apology",
    target: `dossier:${d.code}`,
    details: { newDate, extraDays, withReason: Boolean(reason?.trim()) },
    at: ctx.now,
  });
  return { ok: true, code: d.code, fileName: apologySlipFileName(d.code), document, newDate, extraDays, countedFrom };
}
