import { describe, expect, it } from "vitest";
import { currentPeriod, parsePeriodKey, periodAsOf, periodKey, periodOf, periodsDueBetween, periodStart } from "../../bot/services/reports/periods.js";
import { PLAN_2021_REPORT_DEADLINES } from "../../bot/seed-data/plan-2021.js";

const TZ = "Asia/Ho_Chi_Minh";
const rows = PLAN_2021_REPORT_DEADLINES;

describe("reporting periods", () => {
  it("parses and prints the keys a person types", () => {
    expect(parsePeriodKey("2027-Q1")).toEqual({ year: 2027, code: "q1" });
    expect(parsePeriodKey(" 2027-h1 ")).toEqual({ year: 2027, code: "h1" });
    expect(parsePeriodKey("2027")).toEqual({ year: 2027, code: "year" });
    for (const bad of ["2027-Q2", "27-Q1", "2027Q1", "", "2027-Q1x", "1999"]) expect(parsePeriodKey(bad)).toBeNull();
    expect(periodKey({ year: 2027, code: "q3" })).toBe("2027-Q3");
    expect(periodKey({ year: 2027, code: "year" })).toBe("2027");
  });

  it("takes bounds and due days from the office's deadlines", () => {
    const q1 = periodOf(rows[0]!, 2027)!;
    expect(q1).toMatchObject({ key: "2027-Q1", from: "2027-01-01", to: "2027-03-31", due: "2027-03-03" });
    const moved = periodOf({ ...rows[0]!, dueMonthDay: "04-05" }, 2027)!;
    expect(moved.due).toBe("2027-04-05");
  });

  it("the current period is the one whose deadline comes next", () => {
    expect(currentPeriod(rows, "2026-12-02")?.key).toBe("2027-Q1");
    expect(currentPeriod(rows, "2027-03-03")?.key).toBe("2027-Q1");
    expect(currentPeriod(rows, "2027-03-04")?.key).toBe("2027-H1");
    expect(currentPeriod(rows, "2027-11-25")?.key).toBe("2027");
    expect(currentPeriod([], "2027-01-01")).toBeNull();
  });

  it("lists the periods due in a range, by due day", () => {
    expect(periodsDueBetween(rows, "2026-11-01", "2027-06-30").map((p) => p.key)).toEqual(["2026", "2027-Q1", "2027-H1"]);
  });

  it("figures are taken at the period's end in Hà Nội, or now while it runs", () => {
    const q1 = periodOf(rows[0]!, 2027)!;
    expect(periodStart(q1, TZ).toISOString()).toBe("2026-12-31T17:00:00.000Z");
    const later = new Date("2027-06-01T00:00:00Z");
    expect(periodAsOf(q1, later, TZ).toISOString()).toBe("2027-03-31T16:59:59.999Z");
    const during = new Date("2027-02-10T03:00:00Z");
    expect(periodAsOf(q1, during, TZ)).toEqual(during);
  });
});
