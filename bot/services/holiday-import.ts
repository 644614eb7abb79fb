// The government's yearly holiday notice, imported by the office from a spreadsheet
// (`Ngày`, `Tên`, `Loại`: nghỉ / làm bù) into CalendarOverride rows. All rows or none.
//
// The calendar's rule (bot/services/calendar/README.md): a "nghỉ" row on an occasion's main
// day (1/1, mùng 1 Tết, 10/3 lunar, 30/4 or 1/5, 2/9) replaces every computed day of that
// occasion, so a notice must be imported whole (compensatory and swapped days included).
// Rows of an occasion and year replace the rows imported earlier for the same occasion and
// year, as a newer notice replaces an older one.
import type { Db } from "../db/client.js";
import { type ColumnSpec, type ImportProblem, type RecordsResult, validateRecords } from "../import/index.js";
import { audit } from "./audit.js";
import {
  type CalendarOverride,
  createVietnamWorkingCalendar,
  type HolidayOccasion,
  type IsoDate,
  OCCASION_LABELS,
  occasionAnchors,
  type ResolvedOverride,
  resolveOverrides,
  type WorkingCalendarOptions,
} from "./calendar/index.js";
import { formatDate } from "./date-text.js";

export type HolidayColumn = "date" | "name" | "kind";

export const HOLIDAY_SPEC = [
  { key: "date", label: "Ngày", aliases: ["Ngày tháng", "Date"], required: true },
  { key: "name", label: "Tên", aliases: ["Tên ngày", "Tên ngày nghỉ", "Dịp", "Nội dung", "Name"], required: true },
  { key: "kind", label: "Loại", aliases: ["Loại ngày", "Nghỉ / làm bù", "Kind"], required: true },
] as const satisfies readonly ColumnSpec<HolidayColumn>[];

const KINDS = [
  { value: "nghi" as const, labels: ["nghỉ", "nghi", "ngày nghỉ", "nghỉ lễ", "nghỉ bù", "nghỉ tết", "day off"] },
  { value: "lam_bu" as const, labels: ["làm bù", "lam_bu", "đi làm bù", "ngày làm bù", "làm việc", "working day"] },
];

export interface HolidayImportPlan {
  problems: ImportProblem[];
  rows: CalendarOverride[];
}

export function planHolidayImport(read: Pick<RecordsResult<HolidayColumn>, "records" | "columns"> & { table?: { date1904: boolean } }): HolidayImportPlan {
  const firstRowOfDate = new Map<string, number>();
  const { items, problems } = validateRecords(read, HOLIDAY_SPEC, (row) => {
    const date = row.date("date", { required: true, min: "1900-01-01", max: "2199-12-31" });
    const name = row.text("name", { required: true, maxLength: 200 });
    const kind = row.enumOf("kind", KINDS, { required: true });
    if (date) {
      const first = firstRowOfDate.get(date);
      if (first !== undefined) row.fail("date", "holiday.duplicate_date", `ngày ${formatDate(date)} đã có ở dòng ${first}; mỗi ngày chỉ ghi một lần.`, { first });
      else firstRowOfDate.set(date, row.rowNumber);
    }
    return { date, name, kind: kind ?? "nghi" } satisfies CalendarOverride;
  });
  return { problems, rows: items.map((i) => i.value) };
}

/** What an occasion of a year looks like once the import is in force. */
export interface OccasionOutcome {
  occasion: HolidayOccasion;
  occasionYear: number;
  label: string;
  /** The file holds a day off on the occasion's main day: its computed days were replaced. */
  replacesComputed: boolean;
  mainDay: IsoDate | null;
  daysOff: IsoDate[];
  makeUpDays: IsoDate[];
}

export interface HolidayImportResult {
  rows: number;
  /** Rows imported earlier for the same occasions and years, now replaced. */
  replaced: number;
  occasions: OccasionOutcome[];
}

function groupKey(r: ResolvedOverride): string {
  return r.occasion === "khac" ? `khac:${r.date}` : `${r.occasionYear}:${r.occasion}`;
}

function mainDays(occasion: HolidayOccasion, year: number, lunarTz: number): IsoDate[] {
  if (occasion === "khac") return [];
  const anchor = occasionAnchors(year, lunarTz)[occasion];
  return occasion === "le_30_4_1_5" ? [anchor, `${year}-05-01`] : [anchor];
}

class DryRun extends Error {
  constructor(readonly result: HolidayImportResult) {
    super("dry run");
  }
}

export async function applyHolidayImport(
  db: Db,
  plan: HolidayImportPlan,
  opts: { actor: string; now: Date; dryRun?: boolean; calendarOptions?: WorkingCalendarOptions },
): Promise<HolidayImportResult> {
  if (plan.problems.length) throw new Error("refusing to apply an import with problems");
  const lunarTz = opts.calendarOptions?.lunarTzOffsetMinutes;
  const incoming = resolveOverrides(plan.rows, lunarTz);
  const groups = new Set(incoming.map(groupKey));
  const dates = new Set(incoming.map((r) => r.date));
  try {
    return await db.$transaction(
      async (tx) => {
        const existing = await tx.calendarOverride.findMany({ orderBy: { id: "asc" } });
        const resolved = resolveOverrides(existing.map((r) => ({ date: r.date, name: r.name, kind: r.kind as "nghi" | "lam_bu" })), lunarTz);
        const stale = existing.filter((_, i) => groups.has(groupKey(resolved[i]!)) || dates.has(resolved[i]!.date));
        if (stale.length) await tx.calendarOverride.deleteMany({ where: { id: { in: stale.map((r) => r.id) } } });
        for (const r of plan.rows) {
          await tx.calendarOverride.create({ data: { date: r.date, name: r.name.trim(), kind: r.kind, source: "import", createdAt: opts.now } });
        }
        const all = await tx.calendarOverride.findMany({ orderBy: { id: "asc" } });
        const calendar = createVietnamWorkingCalendar(
          all.map((r) => ({ date: r.date, name: r.name, kind: r.kind as "nghi" | "lam_bu" })),
          opts.calendarOptions,
        );
        const occasions: OccasionOutcome[] = [];
        const seen = new Set<string>();
        for (const r of incoming) {
          const key = groupKey(r);
          if (seen.has(key)) continue;
          seen.add(key);
          const inGroup = (e: { occasion: HolidayOccasion; occasionYear: number; date: IsoDate }) =>
            r.occasion === "khac" ? e.date === r.date : e.occasion === r.occasion && e.occasionYear === r.occasionYear;
          const years = [r.occasionYear - 1, r.occasionYear, r.occasionYear + 1];
          const daysOff = years.flatMap((y) => calendar.holidaysOfYear(y)).filter(inGroup).map((e) => e.date);
          const makeUpDays = calendar.makeUpDaysInRange(`${r.occasionYear - 1}-01-01`, `${r.occasionYear + 1}-12-31`).filter(inGroup).map((e) => e.date);
          const mains = mainDays(r.occasion, r.occasionYear, lunarTz ?? calendar.lunarTzOffsetMinutes);
          const replacesComputed = incoming.some((x) => groupKey(x) === key && x.kind === "nghi" && mains.includes(x.date));
          occasions.push({
            occasion: r.occasion,
            occasionYear: r.occasionYear,
            label: r.occasion === "khac" ? r.name : OCCASION_LABELS[r.occasion],
            replacesComputed,
            mainDay: mains[0] ?? null,
            daysOff: [...new Set(daysOff)].sort(),
            makeUpDays: [...new Set(makeUpDays)].sort(),
          });
        }
        const result: HolidayImportResult = { rows: plan.rows.length, replaced: stale.length, occasions };
        if (opts.dryRun) throw new DryRun(result);
        await audit(tx, { actor: opts.actor, action: "calendar.import", details: { rows: result.rows, replaced: result.replaced }, at: opts.now });
        return result;
      },
      { timeout: 60_000 },
    );
  } catch (e) {
    if (e instanceof DryRun) return e.result;
    throw e;
  }
}
