// What a person sees of the dossiers: their open ones sorted by due date, with where each
// stands in working days, and one dossier in detail. Visibility is decided by access.ts.
import { Prisma } from "../../../prisma/generated/sqlite/client.js";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/direct-sql.js";
import { addDays, type IsoDate, localDateTime, toLocalDate, type WorkingCalendar } from "../calendar/index.js";
import { inChunks } from "../chunks.js";
import { canActOnDossier, canSnoozeDossier, canViewDossier, type DossierViewer, dossierScopeSql } from "./access.js";
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
  /** The dossiers of the page asked for (all of them without `page`). */
  items: DossierListItem[];
  /** How many match the filter in all. */
  total: number;
  /** The page shown (1-based, clamped to the pages that exist now) and how many there are. */
  page: number;
  pages: number;
  /** The latest import from the one-stop system (null: nothing imported yet). */
  lastImportAt: Date | null;
}

/** Due soon: due today or within `dueSoonDays` working days. */
export function isDueSoon(s: DossierStanding, dueSoonDays: number): boolean {
  return s.kind === "dueToday" || (s.kind === "open" && s.days <= dueSoonDays);
}

type Clock = { id: number; code: string; status: string; dueAt: Date; pausedAt: Date | null; pausedWorkingDays: number };

function sortKey(item: { standing: DossierStanding; dueDate: IsoDate; code: string }): string {
  // Waiting dossiers have no running clock: after those that do.
  return `${item.standing.kind === "paused" ? "1" : "0"}${item.dueDate}${item.code}`;
}

/**
 * The viewer's open dossiers by due date, one page of them. Filtered in SQL (scope, open, and
 * for "overdue" and "soon" a due date early enough before any wait is added); the working
 * calendar orders those, reading only the columns of the clock; the page's rows are then read
 * in full. Without `page`, every match (the CLI).
 */
export async function listOpenDossiers(
  db: Db,
  calendar: WorkingCalendar,
  viewer: DossierViewer,
  opts: { filter: DossierFilter; today: IsoDate; dueSoonDays: number; page?: number; pageSize?: number },
): Promise<DossierList> {
  const tz = calendar.tzOffsetMinutes;
  // The effective due date is never before the original one's local date.
  const dueBefore =
    opts.filter === "overdue" ? opts.today : opts.filter === "soon" ? addDays(calendar.addWorkingDays(opts.today, opts.dueSoonDays), 1) : null;
  // Plain SQL on the driver adapter (direct-sql.ts): /hoso is a command of every day, and a
  // Prisma call costs several times its statement.
  const due = dueBefore ? Prisma.sql` AND "Dossier"."dueAt" < ${localDateTime(dueBefore, "00:00", tz)}` : Prisma.empty;
  const clocks = await queryRows<Clock>(
    db,
    Prisma.sql`SELECT "id", "code", "status", "dueAt", "pausedAt", "pausedWorkingDays" FROM "Dossier"
      WHERE ${dossierScopeSql(viewer)} AND "Dossier"."status" IN (${Prisma.join(OPEN_STATUSES)})${due}`,
  );
  const matching = clocks
    .map((d) => ({ d, dueDate: effectiveDueDate(calendar, d), standing: standingOn(calendar, d, opts.today), code: d.code }))
    .filter((i) => opts.filter === "all" || (opts.filter === "overdue" ? i.standing.kind === "overdue" : isDueSoon(i.standing, opts.dueSoonDays)))
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  const pageSize = opts.pageSize ?? Math.max(1, matching.length);
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = opts.page === undefined ? 1 : Math.min(Math.max(1, Math.floor(opts.page) || 1), pages);
  const shown = opts.page === undefined ? matching : matching.slice((page - 1) * pageSize, page * pageSize);
  // The page's rows in full (a bounded list of ids when paged).
  type Row = { id: number; procedureName: string; applicant: string; handlerRaw: string | null; handlerName: string | null; unitName: string | null };
  const full = new Map(
    (
      await inChunks(shown.map((i) => i.d.id), (ids) =>
        queryRows<Row>(
          db,
          Prisma.sql`SELECT d."id", d."procedureName", d."applicant", d."handlerRaw", s."fullName" AS "handlerName", u."name" AS "unitName"
            FROM "Dossier" d LEFT JOIN "Staff" s ON s."id" = d."handlerId" LEFT JOIN "Unit" u ON u."id" = d."unitId" WHERE d."id" IN (${Prisma.join(ids)})`,
        ),
      )
    ).map((d) => [d.id, d]),
  );
  const items = shown.map((i): DossierListItem => {
    const d = full.get(i.d.id)!;
    return {
      id: i.d.id,
      code: i.d.code,
      procedureName: d.procedureName,
      applicant: d.applicant,
      status: i.d.status,
      dueDate: i.dueDate,
      standing: i.standing,
      handlerName: d.handlerName ?? d.handlerRaw,
      unitName: d.unitName,
    };
  });
  return { items, total: matching.length, page, pages, lastImportAt: await lastImportAt(db) };
}

export async function lastImportAt(db: Db): Promise<Date | null> {
  // ORDER BY … LIMIT 1 reads one entry of the importedAt index; Prisma's aggregate wraps MAX
  // in a subquery that SQLite answers by scanning every dossier.
  // Plain SQL on the driver adapter (direct-sql.ts): read by every /hoso.
  const [latest] = await queryRows<{ importedAt: Date }>(db, Prisma.sql`SELECT "importedAt" FROM "Dossier" ORDER BY "importedAt" DESC LIMIT 1`);
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
