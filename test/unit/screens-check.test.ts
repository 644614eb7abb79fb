// The screen checker of the e2e walk (test/helpers/screens.ts) finds what it is meant to find.
import { describe, expect, it } from "vitest";
import { screenProblems } from "../helpers/screens.js";

const NAMES = ["Phạm Thu Hà", "Phòng Kế hoạch - Tài chính", "KH-TC"];
const problems = (text: string, locale: "vi" | "en") => screenProblems({ where: "test", text }, locale, NAMES).map((p) => p.problem);

describe("screen checker", () => {
  it("finds a raw translation key and what i18next left behind", () => {
    expect(problems("• delivery.kinds.alert-remediation: 3 / 0 / 0 / 0", "vi")).toContain("raw translation key delivery.kinds.alert-remediation");
    expect(problems("Còn {{count}} ngày", "vi")).toContain("i18next left a placeholder or a nesting");
    expect(problems("3 $t(plural.days, {\"count\": 3 }) left", "en")).toContain("i18next left a placeholder or a nesting");
    // Codes, file names and dates are not keys.
    expect(problems("III.5.1 · bot.db · 24/11/2026 09:00 · 000.00.15.H48-261105-0002", "vi")).toEqual([]);
  });

  it("finds Vietnamese in an English screen, unless quoted or a name", () => {
    expect(problems("In the plan: Trong năm 2021", "en")).toEqual(["Vietnamese in an English screen"]);
    expect(problems("Deadline: Ongoing\nIn the plan: “Trong năm 2021”", "en")).toEqual([]);
    expect(problems("Assigned to: Phạm Thu Hà (Phòng Kế hoạch - Tài chính) · KH-TC", "en")).toEqual([]);
  });

  it("finds our English words in a Vietnamese screen", () => {
    expect(problems("Nhiệm vụ III.1 — Due 31/12/2021", "vi")).toEqual(["English word “Due” in a Vietnamese screen"]);
    expect(problems("Hạn 31/12/2021 · quá hạn 3 ngày · VPN, email, Wi-Fi", "vi")).toEqual([]);
  });
});
