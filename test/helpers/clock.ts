// The suite's default time: Wednesday 25/11/2026 09:00 in Hà Nội, a working day in office
// hours and outside the default quiet hours (20:00–07:00). Every harness starts there unless a
// test says otherwise, so the suite gives the same answers at 02:30 as at 09:00.
import { parseLocalDateTime } from "../../bot/clock.js";

/** For spawned processes: the CLOCK_AT value of the default time. */
export const TEST_CLOCK_AT = "25/11/2026 09:00";

/** The default time as an instant. */
export const TEST_NOW: Date = parseLocalDateTime(TEST_CLOCK_AT, "Asia/Ho_Chi_Minh")!;
