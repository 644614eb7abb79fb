import { describe, expect, it } from "vitest";
import { clockStartingAt, parseLocalDateTime } from "../../bot/clock.js";

describe("the service clock", () => {
  it("reads dd/mm/yyyy hh:mm in the deployment's zone", () => {
    expect(parseLocalDateTime("02/12/2026 02:30", "Asia/Ho_Chi_Minh")?.toISOString()).toBe("2026-12-01T19:30:00.000Z");
    expect(parseLocalDateTime(" 29/02/2028 23:59 ", "Asia/Ho_Chi_Minh")?.toISOString()).toBe("2028-02-29T16:59:00.000Z");
    expect(parseLocalDateTime("29/02/2027 10:00", "Asia/Ho_Chi_Minh")).toBeUndefined();
    expect(parseLocalDateTime("1/12/2026 10:00", "Asia/Ho_Chi_Minh")).toBeUndefined();
  });

  it("starts where it is told and runs on at the system clock's pace", () => {
    const start = new Date("2026-11-25T02:00:00Z");
    const clock = clockStartingAt(start);
    const first = clock().getTime();
    // Never earlier than the start, and moving with the system clock (no upper bound on a
    // loaded machine: only the order is asserted).
    expect(first).toBeGreaterThanOrEqual(start.getTime());
    const later = clock().getTime();
    expect(later).toBeGreaterThanOrEqual(first);
    const system = clockStartingAt(undefined);
    expect(Math.abs(system().getTime() - Date.now())).toBeLessThan(60_000);
  });
});
