// The government's holiday notice imported by the office (`import holidays`), the office hours
// from the settings, and both reaching the calendar the bot uses.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import type { Db } from "../../bot/db/client.js";
import { loadWorkingCalendar } from "../../bot/services/working-calendar.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { writeText } from "../helpers/dossiers.js";
import { vn } from "../helpers/jobs.js";

let tdb: TestDatabase;
let db: Db;
let out: string[];
let err: string[];

async function cli(...args: string[]) {
  out = [];
  err = [];
  return runCli(args, { env: { DATABASE_URL: tdb.url }, out: (l) => out.push(l), err: (l) => err.push(l), now: () => vn("2026-12-20", "09:00") });
}

const calendar = () => loadWorkingCalendar(db, "Asia/Ho_Chi_Minh");

// A notice for Tết Đinh Mùi 2027 as the government would word it: off from Wednesday 03/02 to
// Thursday 11/02, Saturday 20/02 worked instead.
const TET_2027 = [
  "Ngày,Tên,Loại",
  ...["03", "04", "05", "06", "07", "08", "09", "10", "11"].map((d) => `${d}/02/2027,Tết Nguyên đán,Nghỉ`),
  "20/02/2027,Làm bù Tết Nguyên đán,Làm bù",
].join("\n");

beforeEach(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
});
afterEach(async () => tdb.drop());

describe("npm run cli -- import holidays", () => {
  it("replaces the computed break with the notice's days, and shows the result", async () => {
    const before = await calendar();
    expect(before.isWorkingDay("2027-02-03")).toBe(true);
    expect(before.isWorkingDay("2027-02-11")).toBe(true);

    const file = writeText("tet-2027.csv", TET_2027);
    expect(await cli("import", "holidays", file, "--dry-run")).toBe(0);
    expect(out[0]).toContain("Chạy thử: chưa ghi gì");
    expect(await db.calendarOverride.count()).toBe(0);

    expect(await cli("import", "holidays", file)).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("Đã nhập 10 dòng lịch nghỉ");
    expect(text).toContain(
      "• Tết Nguyên đán 2027: nghỉ 03/02/2027, 04/02/2027, 05/02/2027, 06/02/2027, 07/02/2027, 08/02/2027, 09/02/2027, 10/02/2027, 11/02/2027; làm bù 20/02/2027",
    );
    expect(text).toContain("Ngày chính 06/02/2027 có trong tệp là ngày nghỉ: các ngày nghỉ tính sẵn của dịp này được thay");
    expect(text).toContain("hãy nhập cả kỳ nghỉ theo thông báo");
    const after = await calendar();
    expect(after.isWorkingDay("2027-02-02")).toBe(true);
    expect(after.isWorkingDay("2027-02-03")).toBe(false);
    expect(after.isWorkingDay("2027-02-11")).toBe(false);
    expect(after.isWorkingDay("2027-02-12")).toBe(true);
    expect(after.isWorkingDay("2027-02-20")).toBe(true);
    expect(await db.auditLog.count({ where: { action: "calendar.import" } })).toBe(1);
  });

  it("a newer notice for the same occasion replaces the rows imported before", async () => {
    await cli("import", "holidays", writeText("a.csv", TET_2027));
    const shorter = ["Ngày,Tên,Loại", ...["04", "05", "06", "07", "08", "09", "10"].map((d) => `${d}/02/2027,Tết Nguyên đán,nghỉ`)].join("\n");
    expect(await cli("import", "holidays", writeText("b.csv", shorter))).toBe(0);
    expect(out.join("\n")).toContain("thay 10 dòng đã nhập trước cho cùng dịp");
    const cal = await calendar();
    expect(cal.isWorkingDay("2027-02-03")).toBe(true);
    expect(cal.isWorkingDay("2027-02-11")).toBe(true);
    expect(cal.isWorkingDay("2027-02-20")).toBe(false); // a Saturday again
    expect(await db.calendarOverride.count()).toBe(7);
  });

  it("says when a file only adds to the computed break (no main day)", async () => {
    const swap = ["Ngày,Tên,Loại", "03/09/2027,Nghỉ Quốc khánh (hoán đổi),nghỉ", "11/09/2027,Làm bù Quốc khánh,làm bù"].join("\n");
    expect(await cli("import", "holidays", writeText("qk.csv", swap))).toBe(0);
    expect(out.join("\n")).toContain("Tệp không có ngày chính 02/09/2027: các ngày nghỉ tính sẵn theo luật của dịp này vẫn giữ");
    const cal = await calendar();
    expect(cal.isWorkingDay("2027-09-02")).toBe(false);
    expect(cal.isWorkingDay("2027-09-03")).toBe(false);
    expect(cal.isWorkingDay("2027-09-11")).toBe(true);
  });

  it("reports every bad row and writes nothing", async () => {
    const bad = [
      "NGÀY,Ten,LOAI",
      "03/02/2027,Tết Nguyên đán,nghỉ",
      "30/02/2027,Tết Nguyên đán,nghỉ",
      "04/02/2027,Tết Nguyên đán,đi chơi",
      "03/02/2027,Tết Nguyên đán,nghỉ",
      "05/02/2027,,nghỉ",
    ].join("\n");
    expect(await cli("import", "holidays", writeText("bad.csv", bad))).toBe(1);
    const text = err.join("\n");
    expect(text).toContain("Dòng 3, cột “NGÀY”: ngày “30/02/2027” không có thật");
    expect(text).toContain("Dòng 4, cột “LOAI”: “đi chơi” không thuộc các giá trị được chấp nhận: “nghỉ”, “làm bù”");
    expect(text).toContain("Dòng 5, cột “NGÀY”: ngày 03/02/2027 đã có ở dòng 2");
    expect(text).toContain("Dòng 6, cột “Ten”: ô đang để trống");
    expect(text).toContain("Không có dữ liệu nào được ghi");
    expect(await db.calendarOverride.count()).toBe(0);
  });
});

describe("office hours from the settings", () => {
  it("reach the calendar, and inconsistent hours are refused", async () => {
    expect((await calendar()).isWorkingTime(vn("2026-11-27", "07:45"))).toBe(false);
    expect(await cli("settings", "set", "calendar.workStart", "07:30")).toBe(0);
    expect(await cli("settings", "set", "calendar.lunchStart", "11:30")).toBe(0);
    expect(await cli("settings", "set", "calendar.lunchEnd", "13:30")).toBe(0);
    const cal = await calendar();
    expect(cal.isWorkingTime(vn("2026-11-27", "07:45"))).toBe(true);
    expect(cal.isWorkingTime(vn("2026-11-27", "11:45"))).toBe(false);
    expect(cal.workingHours).toMatchObject({ start: "07:30", end: "17:00", lunchStart: "11:30", lunchEnd: "13:30" });
    expect(await cli("settings", "set", "calendar.workEnd", "12:00")).toBe(1);
    expect(err.join("\n")).toContain(
      "Không đổi được calendar.workEnd: các mốc giờ làm việc phải lần lượt sau nhau (bắt đầu, nghỉ trưa, hết nghỉ trưa, kết thúc); với giá trị này sẽ là bắt đầu 07:30, nghỉ trưa 11:30–13:30, kết thúc 12:00.",
    );
    expect((await calendar()).workingHours.end).toBe("17:00");
  });
});
