// On-time figures for a period, per unit and for the department (what provinces are ranked
// on): dossiers received in the period, results returned on time and late in the period, and
// the dossiers still open at the end of the period (or now, for a period not over yet), with
// how many of them were overdue then. The on-time rate is on time / (on time + late).
import type { Prisma } from "../../../prisma/generated/sqlite/client.js";
import type { Db } from "../../db/client.js";
import { addDays, type IsoDate, toLocalDate, type WorkingCalendar } from "../calendar/index.js";
import { atLocal } from "../time.js";
import { effectiveDueDate } from "./deadline.js";
import { OPEN_STATUSES, RETURNED_STATUSES } from "./statuses.js";

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface DossierFigures {
  received: number;
  onTime: number;
  late: number;
  cancelled: number;
  open: number;
  openOverdue: number;
  /** onTime / (onTime + late), between 0 and 1; null when nothing was returned. */
  onTimeRate: number | null;
}

export interface UnitFigures {
  unitId: number;
  unitName: string;
  figures: DossierFigures;
}

export interface FiguresReport {
  period: Period;
  /** The instant "open" and "overdue" are counted at: the end of the period, or now. */
  asOf: Date;
  department: DossierFigures;
  units: UnitFigures[];
}

function empty(): DossierFigures {
  return { received: 0, onTime: 0, late: 0, cancelled: 0, open: 0, openOverdue: 0, onTimeRate: null };
}

function withRate(f: DossierFigures): DossierFigures {
  const returned = f.onTime + f.late;
  return { ...f, onTimeRate: returned ? f.onTime / returned : null };
}

type DossierWhere = Prisma.DossierWhereInput;
type Counted = Exclude<keyof DossierFigures, "onTimeRate">;

/**
 * Counted in SQL, per unit (GROUP BY), whatever the number of dossiers: only the dossiers
 * still open at `asOf` and already past their original due date are read, to apply the
 * working calendar (waits for the applicant push a due date back by working days).
 */
export async function dossierFigures(
  db: Db,
  calendar: WorkingCalendar,
  period: Period,
  opts: { now: Date; timeZone: string; unitId?: number },
): Promise<FiguresReport> {
  if (period.to < period.from) throw new RangeError(`period ends (${period.to}) before it starts (${period.from})`);
  const startOfPeriod = atLocal(period.from, "00:00", opts.timeZone);
  const endOfPeriod = atLocal(addDays(period.to, 1), "00:00", opts.timeZone);
  const asOf = endOfPeriod < opts.now ? endOfPeriod : opts.now;
  const asOfDate = endOfPeriod < opts.now ? period.to : toLocalDate(opts.now, calendar.tzOffsetMinutes);
  const scope: DossierWhere = opts.unitId !== undefined ? { unitId: opts.unitId } : {};
  // Up to `asOf` included: what happened after it (a later import) is not counted yet.
  const inPeriod = { gte: startOfPeriod, lt: new Date(Math.min(endOfPeriod.getTime(), asOf.getTime() + 1)) };
  const cancelled = { toStatus: "da_huy" };
  // Cancelled at the latest "đã hủy" of its history (or when received, without one).
  const cancelledIn: DossierWhere = {
    status: "da_huy",
    OR: [
      { AND: [{ history: { some: { ...cancelled, at: inPeriod } } }, { history: { none: { ...cancelled, at: { gte: endOfPeriod } } } }] },
      { AND: [{ history: { none: cancelled } }, { receivedAt: inPeriod }] },
    ],
  };
  // Open at `asOf`, by status, so that each branch has an index (status; returnedAt): still
  // open now; returned after `asOf`; cancelled (last) after `asOf`. For `asOf` = now the last
  // two are empty. (Spelled out rather than NOT(returned or cancelled): NOT on a NULL date is
  // not true in SQL, and a negation reads every dossier.)
  const receivedBy = { receivedAt: { lte: asOf } };
  const openAt: DossierWhere = {
    OR: [
      { ...receivedBy, status: { in: [...OPEN_STATUSES] } },
      { ...receivedBy, status: { in: [...RETURNED_STATUSES] }, returnedAt: { gt: asOf } },
      { ...receivedBy, status: "da_huy", history: { some: { ...cancelled, at: { gt: asOf } } } },
    ],
  };
  const counts: [Counted, DossierWhere][] = [
    ["received", { receivedAt: inPeriod }],
    ["onTime", { status: "da_tra_dung_han", returnedAt: inPeriod }],
    ["late", { status: "da_tra_tre_han", returnedAt: inPeriod }],
    ["cancelled", cancelledIn],
    ["open", openAt],
  ];
  const grouped = await Promise.all(
    counts.map(([, where]) => db.dossier.groupBy({ by: ["unitId"], where: { AND: [scope, where] }, _count: { _all: true } })),
  );
  // Overdue then: open, not waiting for the applicant, and past the original due date (the
  // effective one is never earlier); the calendar decides for those few.
  const overdueCandidates = await db.dossier.findMany({
    where: { AND: [scope, openAt, { status: { not: "cho_bo_sung" } }, { dueAt: { lt: atLocal(asOfDate, "00:00", opts.timeZone) } }] },
    select: { unitId: true, dueAt: true, pausedWorkingDays: true },
  });

  const department = empty();
  const byUnit = new Map<number, DossierFigures>();
  const add = (unitId: number | null, k: Counted, n: number) => {
    const key = unitId ?? 0;
    let f = byUnit.get(key);
    if (!f) byUnit.set(key, (f = empty()));
    f[k] += n;
    department[k] += n;
  };
  counts.forEach(([k], i) => {
    for (const g of grouped[i]!) add(g.unitId, k, g._count._all);
  });
  for (const d of overdueCandidates) if (effectiveDueDate(calendar, d) < asOfDate) add(d.unitId, "openOverdue", 1);

  const unitRows = await db.unit.findMany({ where: { id: { in: [...byUnit.keys()].filter((id) => id !== 0) } }, select: { id: true, name: true, sortOrder: true } });
  const unitInfo = new Map(unitRows.map((u) => [u.id, u]));
  const units = [...byUnit.entries()]
    .map(([unitId, figures]) => ({ unitId, figures, name: unitInfo.get(unitId)?.name ?? "", order: unitInfo.get(unitId)?.sortOrder ?? 9999 }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, "vi"))
    .map(({ unitId, name, figures }) => ({ unitId, unitName: name, figures: withRate(figures) }));
  return { period, asOf, department: withRate(department), units };
}

/** "87,5%" / "87.5%": a rate for people, in their language. */
export function formatRate(rate: number | null, locale: "vi" | "en"): string {
  if (rate === null) return "—";
  return `${new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 }).format(rate * 100)}%`;
}
