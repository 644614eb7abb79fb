// One date format for people (issue 9, point 6): dd/mm/yyyy hh:mm, dates alone dd/mm/yyyy,
// in the deployment's zone whatever the machine's.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateOf, formatDateTime } from "../../bot/services/date-text.js";

const TZ = "Asia/Ho_Chi_Minh";

describe("date-text", () => {
  it("writes an instant as dd/mm/yyyy hh:mm in Hà Nội, across the UTC day boundary", () => {
    expect(formatDateTime(new Date("2026-12-01T18:55:00Z"), TZ)).toBe("02/12/2026 01:55");
    expect(formatDateTime(new Date("2026-12-05T02:08:44Z"), TZ)).toBe("05/12/2026 09:08");
    expect(formatDateTime(new Date("2021-01-01T00:00:00Z"), TZ)).toBe("01/01/2021 07:00");
  });

  it("writes dates alone as dd/mm/yyyy, zero-padded", () => {
    expect(formatDate("2026-03-05")).toBe("05/03/2026");
    expect(formatDateOf(new Date("2026-11-30T17:30:00Z"), TZ)).toBe("01/12/2026");
  });
});
