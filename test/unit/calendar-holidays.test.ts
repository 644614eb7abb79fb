import { describe, expect, it } from "vitest";
import {
  type CalendarOverride,
  WorkingCalendar,
  computeDefaultHolidays,
  datesInRange,
  inferOccasion,
  mergeOverrides,
  occasionsNamedIn,
} from "../../bot/services/calendar/index.js";

const compact = (year: number, rules = {}) =>
  computeDefaultHolidays(year, { rules }).map((h) => `${h.date} ${h.kind} ${h.name}`);

describe("computed default holidays (Labour Code 2019 art. 112)", () => {
  it("2021: Tết = 2 last days of Canh Tý + mùng 1–3, compensation for the weekend days", () => {
    expect(compact(2021)).toEqual([
      "2021-01-01 le Tết Dương lịch",
      "2021-02-10 le Tết Nguyên đán",
      "2021-02-11 le Tết Nguyên đán",
      "2021-02-12 le Tết Nguyên đán",
      "2021-02-13 le Tết Nguyên đán",
      "2021-02-14 le Tết Nguyên đán",
      "2021-02-15 nghi_bu Nghỉ bù Tết Nguyên đán",
      "2021-02-16 nghi_bu Nghỉ bù Tết Nguyên đán",
      "2021-04-21 le Giỗ Tổ Hùng Vương",
      "2021-04-30 le Ngày Giải phóng miền Nam, thống nhất đất nước",
      "2021-05-01 le Ngày Quốc tế Lao động",
      "2021-05-03 nghi_bu Nghỉ bù Ngày Quốc tế Lao động",
      "2021-09-02 le Quốc khánh",
      "2021-09-03 le Quốc khánh",
    ]);
  });

  it("2023: Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday give compensatory days 2/5 and 3/5", () => {
    expect(compact(2023).filter((l) => l >= "2023-04" && l < "2023-06")).toEqual([
      "2023-04-29 le Giỗ Tổ Hùng Vương",
      "2023-04-30 le Ngày Giải phóng miền Nam, thống nhất đất nước",
      "2023-05-01 le Ngày Quốc tế Lao động",
      "2023-05-02 nghi_bu Nghỉ bù Giỗ Tổ Hùng Vương",
      "2023-05-03 nghi_bu Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước",
    ]);
  });

  it("2022: 1/1 on Saturday → compensatory Monday 3/1; Giỗ Tổ Sunday 10/4 → 11/4", () => {
    const lines = compact(2022);
    expect(lines).toContain("2022-01-03 nghi_bu Nghỉ bù Tết Dương lịch");
    expect(lines).toContain("2022-04-11 nghi_bu Nghỉ bù Giỗ Tổ Hùng Vương");
    expect(lines).toContain("2022-05-02 nghi_bu Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước");
    expect(lines).toContain("2022-05-03 nghi_bu Nghỉ bù Ngày Quốc tế Lao động");
  });

  it("chooses the day adjacent to 2/9 as the published schedules did", () => {
    const adjacent = (year: number) =>
      computeDefaultHolidays(year)
        .filter((h) => h.occasion === "quoc_khanh" && h.kind === "le" && !h.date.endsWith("-09-02"))
        .map((h) => h.date);
    expect(adjacent(2021)).toEqual(["2021-09-03"]); // 2/9 Thursday
    expect(adjacent(2022)).toEqual(["2022-09-01"]); // Friday
    expect(adjacent(2023)).toEqual(["2023-09-01"]); // Saturday
    expect(adjacent(2024)).toEqual(["2024-09-03"]); // Monday
    expect(adjacent(2025)).toEqual(["2025-09-01"]); // Tuesday
    expect(adjacent(2026)).toEqual(["2026-09-01"]); // Wednesday
    expect(computeDefaultHolidays(2026, { rules: { nationalDayAdjacent: "after" } }).map((h) => h.date)).toContain(
      "2026-09-03",
    );
  });

  it("has 11 holiday days a year plus their compensatory days", () => {
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2030]) {
      const all = computeDefaultHolidays(year);
      expect(all.filter((h) => h.kind === "le")).toHaveLength(11);
      for (const h of all.filter((x) => x.kind === "nghi_bu")) {
        expect([0, 6]).not.toContain(new Date(`${h.date}T00:00:00Z`).getUTCDay());
      }
      expect(new Set(all.map((h) => h.date)).size).toBe(all.length);
    }
  });

  it("can use the other Tết rule (last day + mùng 1–4)", () => {
    const tet = computeDefaultHolidays(2021, { rules: { tetDaysBeforeNewYear: 1 } })
      .filter((h) => h.occasion === "tet_nguyen_dan")
      .map((h) => h.date);
    expect(tet).toEqual(["2021-02-11", "2021-02-12", "2021-02-13", "2021-02-14", "2021-02-15", "2021-02-16", "2021-02-17"]);
  });

  it("puts the lunar date in the note of Tết days", () => {
    const tet = computeDefaultHolidays(2026).filter((h) => h.occasion === "tet_nguyen_dan" && h.kind === "le");
    expect(tet.map((h) => h.note)).toEqual([
      "28 tháng Chạp năm Ất Tỵ",
      "29 tháng Chạp năm Ất Tỵ",
      "mùng 1 tháng Giêng năm Bính Ngọ",
      "mùng 2 tháng Giêng năm Bính Ngọ",
      "mùng 3 tháng Giêng năm Bính Ngọ",
    ]);
  });
});

describe("overrides replace the computed default of their occasion", () => {
  const range = (from: string, to: string, name: string): CalendarOverride[] =>
    datesInRange(from, to).map((date) => ({ date, name, kind: "nghi" as const }));
  const offWeekdays = (cal: WorkingCalendar, from: string, to: string) =>
    datesInRange(from, to).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) && !cal.isWorkingDay(d));

  it("a notice for Tết replaces a different computed Tết break exactly", () => {
    // Computed with the other rule, Tết 2021 would be 11–17/02; the notice says 10–16/02.
    const rules = { holidayRules: { tetDaysBeforeNewYear: 1 } };
    expect(offWeekdays(new WorkingCalendar([], rules), "2021-02-01", "2021-02-28")).toEqual([
      "2021-02-11",
      "2021-02-12",
      "2021-02-15",
      "2021-02-16",
      "2021-02-17",
    ]);
    const cal = new WorkingCalendar(range("2021-02-10", "2021-02-16", "Tết Nguyên đán"), rules);
    expect(offWeekdays(cal, "2021-02-01", "2021-02-28")).toEqual([
      "2021-02-10",
      "2021-02-11",
      "2021-02-12",
      "2021-02-15",
      "2021-02-16",
    ]);
    expect(cal.isWorkingDay("2021-02-17")).toBe(true);
    expect(cal.officialOccasions(2021)).toEqual(["tet_nguyen_dan"]);
    // Other occasions of the year keep their computed days.
    expect(cal.isWorkingDay("2021-04-21")).toBe(false);
  });

  it("a swap-only import adds to the computed schedule (30/4 and 1/5 stay off)", () => {
    const cal = new WorkingCalendar([
      { date: "2025-05-02", name: "Nghỉ hoán đổi", kind: "nghi" },
      { date: "2025-04-26", name: "Làm bù", kind: "lam_bu" },
    ]);
    expect(cal.isWorkingDay("2025-04-30")).toBe(false);
    expect(cal.isWorkingDay("2025-05-01")).toBe(false);
    expect(cal.isWorkingDay("2025-05-02")).toBe(false);
    expect(cal.isWorkingDay("2025-04-26")).toBe(true);
    expect(cal.officialOccasions(2025)).toEqual([]);
    expect(cal.dayStatus("2025-04-26")).toMatchObject({ working: true, weekend: true, weekdayName: "Thứ Bảy" });
    expect(cal.dayStatus("2025-04-26").makeUpDay?.name).toBe("Làm bù");
  });

  it("lam_bu wins over a computed holiday, and the last row for a date wins", () => {
    const cal = new WorkingCalendar([
      { date: "2027-09-03", name: "Làm việc", kind: "lam_bu" },
      { date: "2027-11-24", name: "Ngày Văn hóa Việt Nam", kind: "nghi" },
      { date: "2027-11-25", name: "Nghỉ", kind: "nghi" },
      { date: "2027-11-25", name: "Làm việc", kind: "lam_bu" },
    ]);
    expect(cal.isWorkingDay("2027-09-03")).toBe(true);
    expect(cal.isWorkingDay("2027-11-24")).toBe(false);
    expect(cal.isWorkingDay("2027-11-25")).toBe(true);
    expect(cal.holidaysInRange("2027-11-01", "2027-11-30")).toEqual([
      {
        date: "2027-11-24",
        name: "Ngày Văn hóa Việt Nam",
        kind: "nghi",
        occasion: "khac",
        occasionYear: 2027,
        source: "override",
      },
    ]);
  });

  it("an override spilling into December belongs to next year's Tết Dương lịch", () => {
    expect(inferOccasion({ date: "2022-12-31", name: "Tết Dương lịch" })).toEqual({
      occasion: "tet_duong_lich",
      occasionYear: 2023,
    });
    expect(inferOccasion({ date: "2022-12-31", name: "Nghỉ" })).toEqual({ occasion: "tet_duong_lich", occasionYear: 2023 });
    expect(inferOccasion({ date: "2026-08-22", name: "Làm bù thứ Bảy" })).toEqual({ occasion: "quoc_khanh", occasionYear: 2026 });
    expect(inferOccasion({ date: "2026-11-24", name: "Ngày Văn hóa Việt Nam" })).toEqual({ occasion: "khac", occasionYear: 2026 });
    expect(occasionsNamedIn("Nghỉ bù Giỗ Tổ Hùng Vương")).toEqual(["gio_to"]);
    expect(occasionsNamedIn("Nghỉ lễ Giỗ Tổ, 30/4 và 1/5")).toEqual(["gio_to", "le_30_4_1_5"]);
    expect(occasionsNamedIn("TẾT ÂM LỊCH")).toEqual(["tet_nguyen_dan"]);
    expect(occasionsNamedIn("Tết")).toEqual(["tet_nguyen_dan"]);
    expect(occasionsNamedIn("Nghỉ 11/5")).toEqual([]);
  });

  it("mergeOverrides: a newer notice for an occasion-year replaces the older one whole", () => {
    const older: CalendarOverride[] = [
      ...range("2026-08-29", "2026-09-02", "Nghỉ lễ Quốc khánh"),
      { date: "2026-08-22", name: "Làm bù", kind: "lam_bu" },
      { date: "2026-04-30", name: "Ngày Giải phóng miền Nam, thống nhất đất nước", kind: "nghi" },
    ];
    const newer = range("2026-09-01", "2026-09-02", "Quốc khánh");
    const merged = mergeOverrides(older, newer);
    expect(merged.map((r) => `${r.date} ${r.kind}`)).toEqual(["2026-04-30 nghi", "2026-09-01 nghi", "2026-09-02 nghi"]);
  });

  it("validates overrides and options", () => {
    expect(() => new WorkingCalendar([{ date: "2026-02-30", name: "x", kind: "nghi" }])).toThrow(TypeError);
    expect(() => new WorkingCalendar([{ date: "2026-02-03", name: "", kind: "nghi" }])).toThrow(TypeError);
    expect(() => new WorkingCalendar([{ date: "2026-02-03", name: "x", kind: "off" as "nghi" }])).toThrow(TypeError);
    expect(() => new WorkingCalendar([], { weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(() => new WorkingCalendar([], { holidayRules: { tetDaysBeforeNewYear: 5 } })).toThrow(RangeError);
    expect(() => new WorkingCalendar([], { workingHours: { lunchStart: "18:00" } })).toThrow(RangeError);
  });

  it("respects a different weekly day off for compensation (Sunday only)", () => {
    const cal = new WorkingCalendar([], { weekendDays: [0] });
    expect(cal.isWorkingDay("2022-01-01")).toBe(false); // the holiday itself (Saturday)
    expect(cal.isWorkingDay("2022-01-03")).toBe(true); // no compensation: Saturday is a working day
    expect(cal.isWorkingDay("2023-01-02")).toBe(false); // 1/1/2023 was a Sunday
    expect(cal.isWorkingDay("2023-01-07")).toBe(true);
  });
});
