// What a person sees of the dossiers: their open ones sorted by due date, with where each
// stands in working days, and one dossier in detail. Visibility is decided by access.ts.
import type { Db } from "../../db/client.js";
import { type IsoDate, toLocalDate, type WorkingCalendar } from "../calendar/index.js";
import { canActOnDossier, canSnoozeDossier, canViewDossier, type DossierViewer, dossierScope } from "./access.js";
import { type DossierStanding, effectiveDueDate, standingOn } from "./deadline.js";
import { OPEN_STATUSES } from "./statuses.js";

export const DOSSIER_FILTERS = ["all", "overdue", "soon"] as const;
export type DossierFilter = (typeof DOSSIER_FILTERS)[number];

export function isDossierFilter(v: unknown): v is DossierFilter {
  return typeof v === "string" && (DOSSIER_FILTERS as readonly string[]).includes(v);
}

export interface DossierListItem {
  id: number;
  code: string;
  procedureName: string;
  applicant: string;
  status: string;
  dueDate: IsoDate;
  standing: DossierStanding;
  handlerName: string | null;
  unitName: string | null;
}

export interface DossierList {
  items: DossierListItem[];
  /** The latest import from the one-stop system (null: nothing imported yet). */
  lastImportAt: Date | null;
}

/** Due soon: due today or within `dueSoonDays` working days. */
export function isDueSoon(s: DossierStanding, dueSoonDays: number): boolean {
  return s.kind === "dueToday" || (s.kind === "open" && s.days <= dueSoonDays);
}

function sortKey(item: DossierListItem): string {
  // Waiting dossiers have no running clock: after those that do.
  return `${item.standing.kind === "paused" ? "1" : "0"}${item.dueDate}${item.code}`;
}

export async function listOpenDossiers(
  db: Db,
  calendar: WorkingCalendar,
  viewer: DossierViewer,
  opts: { filter: DossierFilter; today: IsoDate; dueSoonDays: number },
): Promise<DossierList> {
  const rows = await db.dossier.findMany({
    where: { AND: [dossierScope(viewer), { status: { in: [...OPEN_STATUSES] } }] },
    include: { handler: { select: { fullName: true } }, unit: { select: { name: true } } },
  });
  const items = rows
    .map(
      (d): DossierListItem => ({
        id: d.id,
        code: d.code,
        procedureName: d.procedureName,
        applicant: d.applicant,
        status: d.status,
        dueDate: effectiveDueDate(calendar, d),
        standing: standingOn(calendar, d, opts.today),
        handlerName: d.handler?.fullName ?? d.handlerRaw,
        unitName: d.unit?.name ?? null,
      }),
    )
    .filter((i) => opts.filter === "all" || (opts.filter === "overdue" ? i.standing.kind === "overdue" : isDueSoon(i.standing, opts.dueSoonDays)))
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  return { items, lastImportAt: await lastImportAt(db) };
}

export async function lastImportAt(db: Db): Promise<Date | null> {
  // ORDER BY … LIMIT 1 reads one entry of the importedAt index; Prisma's aggregate wraps MAX
  // in a subquery that SQLite answers by scanning every dossier.
  const latest = await db.dossier.findFirst({ orderBy: { importedAt: "desc" }, select: { importedAt: true } });
  return latest?.importedAt ?? null;
}

export async function findDossier(db: Db, ref: { id: number } | { code: string }) {
  const include = {
    handler: { select: { id: true, fullName: true, code: true } },
    unit: { select: { id: true, name: true } },
    history: { orderBy: { at: "desc" as const }, take: 8 },
  };
  if ("id" in ref) return db.dossier.findUnique({ where: { id: ref.id }, include });
  const exact = await db.dossier.findUnique({ where: { code: ref.code }, include });
  if (exact) return exact;
  // People type codes in other cases; codes are unique whatever the case in practice.
  const folded = await db.dossier.findMany({ where: { code: { in: [ref.code.toUpperCase(), ref.code.toLowerCase()] } }, include, take: 2 });
  return folded.length === 1 ? folded[0]! : null;
}

export type DossierRecord = NonNullable<Awaited<ReturnType<typeof findDossier>>>;

export interface DossierDetail {
  dossier: DossierRecord;
  dueDate: IsoDate;
  standing: DossierStanding;
  canAct: boolean;
  canSnooze: boolean;
  receivedDate: IsoDate;
  returnedDate: IsoDate | null;
}

export type DetailResult = { ok: true; detail: DossierDetail } | { ok: false; reason: "notFound" };

/** One dossier, if the viewer may see it. A dossier they may not see is "not found", as one that does not exist. */
export async function dossierDetail(
  db: Db,
  calendar: WorkingCalendar,
  viewer: DossierViewer,
  ref: { id: number } | { code: string },
  today: IsoDate,
): Promise<DetailResult> {
  const d = await findDossier(db, ref);
  if (!d || !canViewDossier(viewer, d)) return { ok: false, reason: "notFound" };
  return {
    ok: true,
    detail: {
      dossier: d,
      dueDate: effectiveDueDate(calendar, d),
      standing: standingOn(calendar, d, today),
      canAct: canActOnDossier(viewer, d),
      canSnooze: canSnoozeDossier(viewer, d),
      receivedDate: toLocalDate(d.receivedAt, calendar.tzOffsetMinutes),
      returnedDate: d.returnedAt ? toLocalDate(d.returnedAt, calendar.tzOffsetMinutes) : null,
    },
  };
}
