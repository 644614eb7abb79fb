/**
 * The office's working calendar: which days are worked, and arithmetic in working days and
 * working hours. Pure and deterministic: every instant is passed in, nothing reads the clock.
 *
 * A day is a working day unless it is a weekly day off (default Saturday and Sunday) or a day
 * off from the holiday rules below; a "lam_bu" override makes any day a working day.
 *
 * How the holiday days off of a year are settled (the rule that makes importing a real notice
 * give exactly the real schedule):
 *  1. Start from the holidays computed from the Labour Code (default-holidays.ts).
 *  2. For each occasion whose main day — 1/1, mùng 1 Tết, 10/3 lunar, 30/4 or 1/5, 2/9 — carries
 *     a "nghi" override, the override set is taken to hold that occasion's official schedule:
 *     every computed day of that occasion (holiday and compensatory days) is dropped. Notices are
 *     written "nghỉ từ … đến hết …" and always include the main day, so importing a notice
 *     replaces the computed break with the published one (e.g. a notice moving a Tết day).
 *     Importing ONLY a swap ("nghỉ 02/5, làm bù 26/4") does not touch the main days, so the
 *     computed 30/4 and 1/5 stay: swap rows add to the computed schedule.
 *     Consequence for importers: when you import an occasion's notice, import the whole break,
 *     compensatory and swapped days included.
 *  3. Every "nghi" override is a day off (on any date, also outside the known occasions).
 *  4. Every "lam_bu" override is a working day, whatever steps 1–3 said.
 *  5. When the same date appears more than once among the overrides, the last row wins.
 *
 * Per-year tables (days off, working flags and prefix counts) are built on first use and cached,
 * so isWorkingDay is a table lookup and workingDaysBetween is O(years spanned).
 */
import {
  type IsoDate,
  MS_PER_DAY,
  MS_PER_MINUTE,
  VN_TZ_OFFSET_MINUTES,
  dayOfWeekOfEpochDay,
  epochDayFromParts,
  fromEpochDay,
  isoDateFromParts,
  localMillis,
  parseIsoDate,
  parseTimeOfDay,
  partsFromEpochDay,
  toEpochDay,
  vnWeekdayName,
} from "./local-date.js";
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, formatLunarDate, solarToLunar } from "./lunar-calendar.js";
import {
  DEFAULT_WEEKEND_DAYS,
  type DefaultHolidayRules,
  computeDefaultHolidays,
  occasionAnchors,
} from "./default-holidays.js";
import type { CalendarOverride, HolidayEntry, HolidayOccasion, ResolvedOverride } from "./holiday-types.js";
import { mergeOverrides, resolveOverrides } from "./overrides.js";
import { officialNoticeOverrides } from "./official-notices.js";
import { type WorkingHoursOptions, type WorkingPeriods, buildWorkingPeriods, workingMsWithin } from "./working-hours.js";
import {
  type DossierDeadline,
  type DossierPause,
  dueDateForDossier,
  extendDueDateForPause,
  pausedWorkingDays,
} from "./dossier-deadline.js";

export interface WorkingCalendarOptions {
  /** JS days of week off every week (0 = Sunday … 6 = Saturday). Default [6, 0]. */
  weekendDays?: readonly number[];
  /** Office hours; default 08:00–17:00 with lunch 12:00–13:00. */
  workingHours?: Partial<WorkingHoursOptions>;
  /** Offset of local time from UTC in minutes. Default +420 (Asia/Ho_Chi_Minh). */
  tzOffsetMinutes?: number;
  /** Time zone of the lunar calendar used for Tết and Giỗ Tổ. Default +420 (the Vietnamese calendar). */
  lunarTzOffsetMinutes?: number;
  /** Choices the law leaves open (Tết days before mùng 1, day adjacent to 2/9). */
  holidayRules?: Partial<DefaultHolidayRules>;
  /**
   * "HH:MM": a dossier received at or after this local time on a working day counts as received
   * on the next working day. Default: the end of the working day.
   */
  dossierCutoff?: string;
}

/** What a day is, for display ("Thứ Bảy 10/01/2026: làm bù cho ngày nghỉ 02/01"). */
export interface DayStatus {
  date: IsoDate;
  weekdayName: string;
  working: boolean;
  /** A weekly day off by the weekday alone (Saturday/Sunday by default). */
  weekend: boolean;
  /** The holiday or notice day off on this date, if any. */
  holiday: HolidayEntry | null;
  /** The "lam_bu" override making this date a working day, if any. */
  makeUpDay: ResolvedOverride | null;
}

interface YearTable {
  readonly year: number;
  readonly start: number;
  readonly length: number;
  readonly working: Uint8Array;
  /** prefix[i] = number of working days among the year's first i days. */
  readonly prefix: Int32Array;
  readonly holidays: Map<number, HolidayEntry>;
  readonly makeUps: Map<number, ResolvedOverride>;
  readonly replaced: ReadonlySet<HolidayOccasion>;
}

/** Largest |n| accepted by addWorkingDays: ~40 years, far beyond any administrative deadline. */
const MAX_WORKING_DAYS = 10_000;
/** How far nextWorkingDay/previousWorkingDay search before declaring the calendar broken. */
const MAX_SEARCH_DAYS = 3_660;
const MS_PER_HOUR = 3_600_000;

function byDate<T extends { date: IsoDate }>(a: T, b: T): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

export class WorkingCalendar {
  readonly tzOffsetMinutes: number;
  readonly lunarTzOffsetMinutes: number;
  readonly weekendDays: readonly number[];
  readonly workingHours: Readonly<WorkingHoursOptions>;
  /** The overrides in force, validated, with occasions filled in, deduplicated by date. */
  readonly overrides: readonly ResolvedOverride[];
  /** Working periods of a day (ms after local midnight). */
  readonly periods: WorkingPeriods;
  /** Dossier cut-off, ms after local midnight. */
  readonly dossierCutoffMs: number;

  private readonly weekend: boolean[];
  private readonly rules: Partial<DefaultHolidayRules>;
  private readonly overrideByDay = new Map<number, ResolvedOverride>();
  private readonly overridesByYear = new Map<number, ResolvedOverride[]>();
  private readonly tables = new Map<number, YearTable>();
  private lastTable: YearTable | null = null;

  constructor(overrides: readonly CalendarOverride[] = [], options: WorkingCalendarOptions = {}) {
    this.tzOffsetMinutes = options.tzOffsetMinutes ?? VN_TZ_OFFSET_MINUTES;
    this.lunarTzOffsetMinutes = options.lunarTzOffsetMinutes ?? VN_TZ_OFFSET_MINUTES;
    localMillis(new Date(0), this.tzOffsetMinutes); // validates the offset

    const weekendDays = [...new Set(options.weekendDays ?? DEFAULT_WEEKEND_DAYS)];
    for (const d of weekendDays) {
      if (!Number.isInteger(d) || d < 0 || d > 6) throw new RangeError(`weekendDays must be 0..6, got ${d}`);
    }
    if (weekendDays.length > 6) throw new RangeError("A week needs at least one working day");
    this.weekendDays = Object.freeze(weekendDays);
    this.weekend = Array.from({ length: 7 }, (_, i) => weekendDays.includes(i));

    this.workingHours = Object.freeze({
      start: options.workingHours?.start ?? "08:00",
      end: options.workingHours?.end ?? "17:00",
      lunchStart: options.workingHours?.lunchStart === undefined ? "12:00" : options.workingHours.lunchStart,
      lunchEnd: options.workingHours?.lunchEnd === undefined ? "13:00" : options.workingHours.lunchEnd,
    });
    this.periods = buildWorkingPeriods(this.workingHours);
    this.dossierCutoffMs =
      options.dossierCutoff === undefined ? this.periods.dayEndMs : parseTimeOfDay(options.dossierCutoff) * MS_PER_MINUTE;
    this.rules = { ...options.holidayRules };
    // Fail early on bad rules rather than on the first lookup.
    computeDefaultHolidays(2000, { weekendDays, lunarTzOffsetMinutes: this.lunarTzOffsetMinutes, rules: this.rules });

    const resolved = resolveOverrides(overrides, this.lunarTzOffsetMinutes);
    for (const row of resolved) this.overrideByDay.set(toEpochDay(row.date), row); // last row wins
    const effective = [...this.overrideByDay.values()].sort(byDate);
    for (const row of effective) {
      const y = parseIsoDate(row.date).year;
      const list = this.overridesByYear.get(y) ?? [];
      list.push(row);
      this.overridesByYear.set(y, list);
    }
    this.overrides = Object.freeze(effective);
  }

  // ---------------------------------------------------------------- year tables

  private table(year: number): YearTable {
    const cached = this.tables.get(year);
    if (cached) return cached;
    if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
      throw new RangeError(`The working calendar covers years ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}, got ${year}`);
    }
    const computed = computeDefaultHolidays(year, {
      weekendDays: this.weekendDays,
      lunarTzOffsetMinutes: this.lunarTzOffsetMinutes,
      rules: this.rules,
    });

    // Step 2: an occasion whose main day has a "nghi" override is replaced by the notice.
    const replaced = new Set<HolidayOccasion>();
    const isNoticeDay = (d: IsoDate) => this.overrideByDay.get(toEpochDay(d))?.kind === "nghi";
    const anchors = occasionAnchors(year, this.lunarTzOffsetMinutes);
    for (const [occasion, day] of Object.entries(anchors) as Array<[HolidayOccasion, IsoDate]>) {
      if (isNoticeDay(day)) replaced.add(occasion);
    }
    if (isNoticeDay(isoDateFromParts(year, 5, 1))) replaced.add("le_30_4_1_5");

    const holidays = new Map<number, HolidayEntry>();
    for (const e of computed) {
      if (!replaced.has(e.occasion)) holidays.set(toEpochDay(e.date), e);
    }
    const makeUps = new Map<number, ResolvedOverride>();
    for (const row of this.overridesByYear.get(year) ?? []) {
      const day = toEpochDay(row.date);
      if (row.kind === "nghi") {
        holidays.set(day, this.entryFromOverride(row)); // step 3
      } else {
        holidays.delete(day); // step 4
        makeUps.set(day, row);
      }
    }

    const start = epochDayFromParts(year, 1, 1);
    const length = epochDayFromParts(year + 1, 1, 1) - start;
    const working = new Uint8Array(length);
    const prefix = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) {
      const day = start + i;
      const isWorking = makeUps.has(day) || (!this.weekend[dayOfWeekOfEpochDay(day)] && !holidays.has(day));
      working[i] = isWorking ? 1 : 0;
      prefix[i + 1] = prefix[i]! + (isWorking ? 1 : 0);
    }
    const t: YearTable = { year, start, length, working, prefix, holidays, makeUps, replaced };
    this.tables.set(year, t);
    return t;
  }

  private entryFromOverride(row: ResolvedOverride): HolidayEntry {
    const entry: HolidayEntry = {
      date: row.date,
      name: row.name,
      kind: "nghi",
      occasion: row.occasion,
      occasionYear: row.occasionYear,
      source: "override",
    };
    if (row.occasion === "tet_nguyen_dan" || row.occasion === "gio_to") {
      entry.note = formatLunarDate(solarToLunar(row.date, this.lunarTzOffsetMinutes));
    }
    return entry;
  }

  private tableOfDay(day: number): YearTable {
    const last = this.lastTable;
    if (last && day >= last.start && day < last.start + last.length) return last;
    const t = this.table(partsFromEpochDay(day).year);
    this.lastTable = t;
    return t;
  }

  private isWorkingEpochDay(day: number): boolean {
    const t = this.tableOfDay(day);
    return t.working[day - t.start] === 1;
  }

  /** Working days among epoch days lo..hi, both included (0 when hi < lo). */
  private countWorking(lo: number, hi: number): number {
    let count = 0;
    let day = lo;
    while (day <= hi) {
      const t = this.tableOfDay(day);
      const end = Math.min(hi, t.start + t.length - 1);
      count += t.prefix[end - t.start + 1]! - t.prefix[day - t.start]!;
      day = end + 1;
    }
    return count;
  }

  private nextWorkingEpochDay(day: number): number {
    for (let d = day + 1, i = 0; i < MAX_SEARCH_DAYS; d++, i++) if (this.isWorkingEpochDay(d)) return d;
    throw new RangeError(`No working day within ${MAX_SEARCH_DAYS} days after ${fromEpochDay(day)}`);
  }

  private previousWorkingEpochDay(day: number): number {
    for (let d = day - 1, i = 0; i < MAX_SEARCH_DAYS; d--, i++) if (this.isWorkingEpochDay(d)) return d;
    throw new RangeError(`No working day within ${MAX_SEARCH_DAYS} days before ${fromEpochDay(day)}`);
  }

  // ---------------------------------------------------------------- days

  /** True when `date` is worked: not a weekly day off nor a holiday, or a make-up ("lam_bu") day. */
  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingEpochDay(toEpochDay(date));
  }

  /** Everything known about a day: weekday name, working or not, and why. */
  dayStatus(date: IsoDate): DayStatus {
    const day = toEpochDay(date);
    const t = this.tableOfDay(day);
    return {
      date,
      weekdayName: vnWeekdayName(date),
      working: t.working[day - t.start] === 1,
      weekend: this.weekend[dayOfWeekOfEpochDay(day)] === true,
      holiday: t.holidays.get(day) ?? null,
      makeUpDay: t.makeUps.get(day) ?? null,
    };
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return fromEpochDay(this.nextWorkingEpochDay(toEpochDay(date)));
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate {
    return fromEpochDay(this.previousWorkingEpochDay(toEpochDay(date)));
  }

  /**
   * Moves by whole working days. `date` itself never counts:
   *  - n > 0: the n-th working day after `date` (Friday + 1 → Monday; holidays skipped);
   *  - n < 0: the |n|-th working day before `date` ("N ngày làm việc trước ngày …");
   *  - n = 0: `date` if it is a working day, else the next working day (rolls forward, the usual
   *    reading of "a deadline falling on a day off moves to the next working day").
   * Properties: workingDaysBetween(a, addWorkingDays(a, n)) === n for n > 0, and for n < 0 when
   * `a` is a working day; addWorkingDays(a, workingDaysBetween(a, b)) === b for a working day b
   * after a.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
      throw new RangeError(`addWorkingDays needs an integer with |n| ≤ ${MAX_WORKING_DAYS}, got ${n}`);
    }
    let day = toEpochDay(date);
    if (n === 0) return this.isWorkingEpochDay(day) ? date : fromEpochDay(this.nextWorkingEpochDay(day));
    for (let left = Math.abs(n); left > 0; left--) {
      day = n > 0 ? this.nextWorkingEpochDay(day) : this.previousWorkingEpochDay(day);
    }
    return fromEpochDay(day);
  }

  /**
   * Working days d with a < d ≤ b (the start day excluded, the end day included), i.e. how many
   * working days "pass" going from a to b. When b < a it is the negative of the same count from
   * b to a (antisymmetric: workingDaysBetween(a, b) === -workingDaysBetween(b, a)), so
   * workingDaysBetween(today, due) is "days left" when positive and "days overdue" when negative
   * on one number line. 0 when a === b. Examples: Friday → next Monday = 1; Monday → Friday = 4;
   * Monday → previous Friday = −1; Sunday → previous Friday = 0 (no working day has passed).
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const da = toEpochDay(a);
    const db = toEpochDay(b);
    // `0 - x` rather than `-x`: never return -0.
    return db >= da ? this.countWorking(da + 1, db) : 0 - this.countWorking(db + 1, da);
  }

  /**
   * Holiday days off (computed holidays, compensatory days and notice days) from `from` to `to`,
   * both included, sorted by date. Ordinary weekends are not listed; notice days that fall on a
   * weekend are (they are part of a published break).
   */
  holidaysInRange(from: IsoDate, to: IsoDate): HolidayEntry[] {
    const lo = toEpochDay(from);
    const hi = toEpochDay(to);
    const out: HolidayEntry[] = [];
    const lastYear = parseIsoDate(to).year;
    for (let y = parseIsoDate(from).year; lo <= hi && y <= lastYear; y++) {
      for (const [day, entry] of this.table(y).holidays) if (day >= lo && day <= hi) out.push(entry);
    }
    return out.sort(byDate);
  }

  /** All holiday days off of a Gregorian year, sorted. */
  holidaysOfYear(year: number): HolidayEntry[] {
    return [...this.table(year).holidays.values()].sort(byDate);
  }

  /** Make-up working days ("lam_bu", usually Saturdays) from `from` to `to`, both included. */
  makeUpDaysInRange(from: IsoDate, to: IsoDate): ResolvedOverride[] {
    const lo = toEpochDay(from);
    const hi = toEpochDay(to);
    const out: ResolvedOverride[] = [];
    const lastYear = parseIsoDate(to).year;
    for (let y = parseIsoDate(from).year; lo <= hi && y <= lastYear; y++) {
      for (const [day, row] of this.table(y).makeUps) if (day >= lo && day <= hi) out.push(row);
    }
    return out.sort(byDate);
  }

  /** Occasions of `year` whose computed days were replaced by an official notice (step 2). */
  officialOccasions(year: number): HolidayOccasion[] {
    return [...this.table(year).replaced];
  }

  // ---------------------------------------------------------------- hours

  private splitInstant(instant: Date): { day: number; ms: number } {
    const local = localMillis(instant, this.tzOffsetMinutes);
    const day = Math.floor(local / MS_PER_DAY);
    return { day, ms: local - day * MS_PER_DAY };
  }

  private instantOf(day: number, ms: number): Date {
    return new Date(day * MS_PER_DAY + ms - this.tzOffsetMinutes * MS_PER_MINUTE);
  }

  /** True when the instant falls inside office hours of a working day (lunch excluded). */
  isWorkingTime(instant: Date): boolean {
    const { day, ms } = this.splitInstant(instant);
    return this.isWorkingEpochDay(day) && this.periods.periods.some(([a, b]) => ms >= a && ms < b);
  }

  /**
   * Moves an instant by working hours (fractions allowed), skipping nights, lunch, weekends and
   * holidays. Positive hours consume working time forward; the result is the moment the last
   * working minute ends, so 08:00 + 4 h = 12:00 (not 13:00). Negative hours go backward the same
   * way (17:00 − 4 h = 13:00). Zero returns the instant if it is inside working time, otherwise
   * the start of the next working period.
   */
  addWorkingHours(instant: Date, hours: number): Date {
    if (!Number.isFinite(hours)) throw new RangeError(`addWorkingHours needs a finite number, got ${hours}`);
    let remaining = Math.round(Math.abs(hours) * MS_PER_HOUR);
    let { day, ms } = this.splitInstant(instant);
    const periods = this.periods.periods;
    if (hours >= 0) {
      if (!this.isWorkingEpochDay(day)) {
        day = this.nextWorkingEpochDay(day);
        ms = 0;
      }
      for (;;) {
        for (const [a, b] of periods) {
          if (ms >= b) continue;
          const from = Math.max(ms, a);
          if (remaining <= b - from) return this.instantOf(day, from + remaining);
          remaining -= b - from;
          ms = b;
        }
        day = this.nextWorkingEpochDay(day);
        ms = 0;
      }
    }
    if (!this.isWorkingEpochDay(day)) {
      day = this.previousWorkingEpochDay(day);
      ms = MS_PER_DAY;
    }
    for (;;) {
      for (let i = periods.length - 1; i >= 0; i--) {
        const [a, b] = periods[i]!;
        if (ms <= a) continue;
        const to = Math.min(ms, b);
        if (remaining <= to - a) return this.instantOf(day, to - remaining);
        remaining -= to - a;
        ms = a;
      }
      day = this.previousWorkingEpochDay(day);
      ms = MS_PER_DAY;
    }
  }

  /**
   * Working hours in [a, b) (lunch, nights, weekends and holidays excluded), as a fraction of
   * hours; negative when b is before a.
   */
  workingHoursBetween(a: Date, b: Date): number {
    const sa = this.splitInstant(a);
    const sb = this.splitInstant(b);
    const ta = sa.day * MS_PER_DAY + sa.ms;
    const tb = sb.day * MS_PER_DAY + sb.ms;
    if (tb < ta) return 0 - this.workingHoursBetween(b, a);
    const p = this.periods;
    let ms: number;
    if (sa.day === sb.day) {
      ms = this.isWorkingEpochDay(sa.day) ? workingMsWithin(p, sa.ms, sb.ms) : 0;
    } else {
      ms = this.isWorkingEpochDay(sa.day) ? workingMsWithin(p, sa.ms, MS_PER_DAY) : 0;
      ms += this.isWorkingEpochDay(sb.day) ? workingMsWithin(p, 0, sb.ms) : 0;
      ms += this.countWorking(sa.day + 1, sb.day - 1) * p.dailyMs;
    }
    return ms / MS_PER_HOUR;
  }

  // ---------------------------------------------------------------- dossiers (một cửa)

  /** Due date of a dossier: see dossier-deadline.ts for the counting convention. */
  dueDateForDossier(receivedAt: Date, workingDays: number, pauses: readonly DossierPause[] = []): DossierDeadline {
    return dueDateForDossier(this, receivedAt, workingDays, pauses);
  }

  /** Working days a dossier's clock stood still while waiting for the applicant (chờ bổ sung). */
  pausedWorkingDays(pause: DossierPause): number {
    return pausedWorkingDays(this, pause);
  }

  /** Pushes a due date back by the working days of one or more pauses. */
  extendDueDateForPause(dueDate: IsoDate, pause: DossierPause | readonly DossierPause[]): IsoDate {
    return extendDueDateForPause(this, dueDate, pause);
  }
}

/**
 * The calendar the bot should normally use: the built-in official notices 2021–2026 with the
 * office's imported notices layered over them (an imported occasion replaces the built-in one
 * of the same year, see mergeOverrides). The built-in notices are the schedules for civil
 * servants with a Saturday–Sunday week; an office with another week should build a
 * WorkingCalendar from its own overrides instead.
 */
export function createVietnamWorkingCalendar(
  imported: readonly CalendarOverride[] = [],
  options: WorkingCalendarOptions = {},
): WorkingCalendar {
  const lunarTz = options.lunarTzOffsetMinutes ?? VN_TZ_OFFSET_MINUTES;
  return new WorkingCalendar(mergeOverrides(officialNoticeOverrides(), imported, lunarTz), options);
}

let defaultCalendar: WorkingCalendar | null = null;

/** A shared calendar with the built-in notices and default options (built once, on first use). */
export function getDefaultWorkingCalendar(): WorkingCalendar {
  defaultCalendar ??= createVietnamWorkingCalendar();
  return defaultCalendar;
}
