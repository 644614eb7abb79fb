// `npm run cli -- import tasks FILE`: a spreadsheet written by LibreOffice with an Excel date
// column, every bad row reported with nothing written, upsert by code keeping the history;
// `tasks`, `tasks close`, `tasks reopen` for the office.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import { type Database, openDatabase } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { createTestDatabaseUrl } from "../helpers/db.js";

const fixture = (name: string) => new URL(`../fixtures/tasks/${name}`, import.meta.url).pathname;
const NOW = new Date("2021-03-10T02:00:00Z");

let url: string;
let drop: () => Promise<void>;
let db: Database;
let out: string[];
let err: string[];

async function cli(...args: string[]) {
  out = [];
  err = [];
  return runCli(args, {
    env: { DATABASE_URL: url, DEFAULT_LOCALE: "vi" },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => NOW,
  });
}

function csv(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tasks-")), "nhiem-vu.csv");
  writeFileSync(file, content);
  return file;
}

const HEADER = "Mã nhiệm vụ,Nội dung,Mục kế hoạch,Đơn vị chủ trì,Đơn vị phối hợp,Người thực hiện,Hạn hoàn thành\n";

async function task(code: string) {
  return db.prisma.task.findUniqueOrThrow({
    where: { code },
    include: { units: { include: { unit: true } }, assignees: { include: { staff: true } } },
  });
}
const unitCodes = (t: Awaited<ReturnType<typeof task>>, role: string) =>
  t.units
    .filter((u) => u.role === role)
    .map((u) => u.unit.code)
    .sort();

beforeEach(async () => {
  ({ url, drop } = await createTestDatabaseUrl("sqlite"));
  expect(await cli("units")).toBe(0); // migrates and seeds the 2021 plan
  db = await openDatabase(url);
  await loadDemoStaff(db.prisma);
});
afterEach(async () => {
  await db.close();
  await drop();
});

describe("npm run cli -- import tasks", () => {
  it("imports a LibreOffice spreadsheet whose due dates are Excel date cells", async () => {
    expect(await cli("import", "tasks", fixture("tasks-libreoffice.xlsx"))).toBe(0);
    expect(out.join("\n")).toBe("Đã nhập 4 dòng: thêm 3, cập nhật 1, giữ nguyên 0 nhiệm vụ.");

    const seed = await task("III.1");
    expect(seed.dueDate).toBe("2021-06-30");
    expect(seed.content).toMatch(/^Hoàn thiện hệ thống hạ tầng kỹ thuật tại Sở: thay thế máy chủ/);
    // No "Tên nhiệm vụ" column and a new content: the list title is cut from the content.
    expect(seed.title).toBe("Hoàn thiện hệ thống hạ tầng kỹ thuật tại Sở: thay thế máy chủ, thiết bị mạng…");
    expect(unitCodes(seed, "lead")).toEqual(["KHTC", "VP"]);
    expect(seed.timingNote).toBeNull(); // the plan's wording of the old date no longer applies
    expect(seed.sectionTitle).toBe("Phát triển Hạ tầng CNTT"); // same section: its title stays

    const one = await task("NV-2021-01");
    expect(one.dueDate).toBe("2021-09-15");
    expect(one.section).toBe("III.4.1");
    expect(one.sectionTitle).toBe("Ứng dụng CNTT trong hoạt động nội bộ");
    expect(unitCodes(one, "lead")).toEqual(["QLKH"]);
    expect(unitCodes(one, "coord")).toEqual(["CAT", "STTTT"]); // external bodies coordinate
    expect(one.assignees.map((a) => a.staff.code).sort()).toEqual(["QL01", "QL02"]);
    expect(one.title).toBe("Triển khai phần mềm quản lý đề tài khoa học và công nghệ");

    const two = await task("NV-2021-02");
    expect(two.recurring).toBe(true);
    expect(two.dueDate).toBeNull();
    expect(two.timingNote).toBe("Thường xuyên trong năm");
    expect(unitCodes(two, "lead")).toEqual(["VP"]);
    expect(two.leadNote).toBe("Các phòng, đơn vị liên quan");
    expect(two.sectionTitle).toBe("Nhiệm vụ cụ thể và trách nhiệm của các phòng, đơn vị"); // from the seed's section V

    const three = await task("NV-2021-03");
    expect(three.dueDate).toBe("2024-02-29");
    expect(unitCodes(three, "lead")).toEqual(["QLCS"]);
    expect(unitCodes(three, "coord")).toEqual(["TTPVHCC"]);
    expect(three.coordNote).toBe("Các phòng, đơn vị liên quan");

    const log = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "task.import" } });
    expect(JSON.parse(log.details!)).toEqual({ rows: 4, created: 3, updated: 1, unchanged: 0 });
  });

  it("re-importing the same file changes nothing; an update keeps the task's reports and status", async () => {
    expect(await cli("import", "tasks", fixture("tasks-libreoffice.xlsx"))).toBe(0);
    const kh02 = await db.prisma.staff.findUniqueOrThrow({ where: { code: "KH02" } });
    const seed = await task("III.1");
    await db.prisma.progressReport.create({ data: { taskId: seed.id, staffId: kh02.id, unitId: kh02.unitId, percent: 40 } });
    await db.prisma.task.update({ where: { id: seed.id }, data: { status: "closed", closedAt: NOW } });

    expect(await cli("import", "tasks", fixture("tasks-libreoffice.xlsx"))).toBe(0);
    expect(out.join("\n")).toBe("Đã nhập 4 dòng: thêm 0, cập nhật 0, giữ nguyên 4 nhiệm vụ.");

    const file = csv(HEADER + "iii.1,Nội dung mới,III.1,Phòng KH-TC,,KH02,31/12/2021\n");
    expect(await cli("import", "tasks", file)).toBe(0);
    expect(out.join("\n")).toMatch(/thêm 0, cập nhật 1/);
    const after = await task("III.1"); // matched without regard to case
    expect(after.content).toBe("Nội dung mới");
    expect(after.assignees.map((a) => a.staff.code)).toEqual(["KH02"]);
    expect(after.status).toBe("closed");
    expect(await db.prisma.progressReport.count({ where: { taskId: seed.id } })).toBe(1);
  });

  it("--dry-run checks and counts, and writes nothing", async () => {
    expect(await cli("import", "tasks", fixture("tasks-libreoffice.xlsx"), "--dry-run")).toBe(0);
    expect(out.join("\n")).toMatch(/sẽ thêm 3, cập nhật 1, giữ nguyên 0 nhiệm vụ\. \(Chạy thử: chưa ghi gì\.\)/);
    expect(await db.prisma.task.count({ where: { code: { startsWith: "NV-" } } })).toBe(0);
    expect((await task("III.1")).dueDate).toBeNull(); // as seeded: the plan gives no deadline
  });

  it("reports every bad row with its number and column, and writes nothing", async () => {
    const file = csv(
      HEADER +
        "NV-1,Một nhiệm vụ đúng,III.1,Văn phòng Sở,,,01/03/2021\n" + // row 2: good
        "NV 2,Mã có dấu cách,III.1,Văn phòng Sở,,,01/03/2021\n" + // row 3
        "NV-3,,III.1,Phòng Tổ chức,,,31/02/2021\n" + // row 4: no content, unknown unit, impossible date
        "NV-4,Chủ trì là cơ quan ngoài Sở,III.1,Công an tỉnh,,XX99,01/03/2021\n" + // row 5
        "NV-5,Hạn sai,III.1,Văn phòng Sở,Văn phòng Sở,,sớm nhất có thể\n" + // row 6
        "nv-1,Mã trùng,III.1,QLKH,,,01/03/2021\n" + // row 7
        "NV-7,Chỉ có cách gọi chung,III.1,\"các phòng, đơn vị liên quan\",,,Thường xuyên\n", // row 8
    );
    expect(await cli("import", "tasks", file)).toBe(1);
    const report = err.join("\n");
    expect(report).toMatch(/Dòng 3, cột “Mã nhiệm vụ”: mã “NV 2” không hợp lệ/);
    expect(report).toMatch(/Dòng 4, cột “Nội dung”: ô đang để trống/);
    expect(report).toMatch(/Dòng 4, cột “Đơn vị chủ trì”: không có đơn vị “Phòng Tổ chức”/);
    expect(report).toMatch(/Dòng 4, cột “Hạn hoàn thành”: ngày “31\/02\/2021” không có thật.*ghi “Thường xuyên”/);
    expect(report).toMatch(/Dòng 5, cột “Đơn vị chủ trì”: “Công an tỉnh” là cơ quan ngoài Sở .* Đơn vị phối hợp/);
    expect(report).toMatch(/Dòng 5, cột “Người thực hiện”: không có cán bộ mã “XX99”/);
    expect(report).toMatch(/Dòng 6, cột “Đơn vị phối hợp”: “Văn phòng Sở” đã là đơn vị chủ trì/);
    expect(report).toMatch(/Dòng 6, cột “Hạn hoàn thành”: “sớm nhất có thể” không phải ngày hợp lệ/);
    expect(report).toMatch(/Dòng 7, cột “Mã nhiệm vụ”: mã “nv-1” trùng với dòng 2/);
    expect(report).toMatch(/Dòng 8, cột “Đơn vị chủ trì”: cần ít nhất một phòng, đơn vị chủ trì cụ thể/);
    expect(report).not.toMatch(/Dòng 2/);
    expect(report).toMatch(/Không có dữ liệu nào được ghi/);
    expect(await db.prisma.task.count({ where: { code: { startsWith: "NV" } } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: "task.import" } })).toBe(0);
  });

  it("a missing required column is reported before any row", async () => {
    const file = csv("Mã nhiệm vụ,Nội dung,Đơn vị chủ trì\nNV-1,Nội dung,Văn phòng Sở\n");
    expect(await cli("import", "tasks", file)).toBe(1);
    expect(err.join("\n")).toMatch(/thiếu cột bắt buộc “Mục kế hoạch”/);
    expect(err.join("\n")).toMatch(/thiếu cột bắt buộc “Hạn hoàn thành”/);
  });
});

describe("npm run cli -- tasks", () => {
  it("lists the tasks with their lead units, due date and progress, by unit", async () => {
    expect(await cli("tasks", "--unit", "khtc")).toBe(0);
    expect(out[0]).toBe(
      "III.1  Hoàn thiện hạ tầng kỹ thuật CNTT tại Sở — đang thực hiện · Chưa có hạn · chủ trì: VP,KHTC,QLKH,QLCS · chưa báo cáo",
    );
    expect(out.at(-1)).toBe("V.b  Theo dõi KH 151/KH-UBND; tham mưu bố trí kinh phí — đang thực hiện · Thường xuyên · chủ trì: KHTC · chưa báo cáo");
    expect(out.some((l) => l.startsWith("V.a"))).toBe(false);
  });

  it("closes and reopens a task, audited; an unknown code is an error", async () => {
    expect(await cli("tasks", "close", "v.a")).toBe(0);
    expect(out).toEqual(["Đã đóng nhiệm vụ V.a — Tham mưu, theo dõi, đôn đốc và tổng hợp báo cáo Kế hoạch: không nhận thêm báo cáo."]);
    const closed = await task("V.a");
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).toEqual(NOW);
    expect(await cli("tasks", "close", "V.a")).toBe(0);
    expect(out[0]).toMatch(/đã ở trạng thái “đã đóng” từ trước/);
    expect(await cli("tasks", "reopen", "V.a")).toBe(0);
    expect(out[0]).toMatch(/Đã mở lại nhiệm vụ V.a/);
    expect((await task("V.a")).status).toBe("open");
    const log = await db.prisma.auditLog.findMany({ where: { action: { in: ["task.close", "task.reopen"] } }, orderBy: { id: "asc" } });
    expect(log.map((l) => [l.action, l.target, l.outcome])).toEqual([
      ["task.close", "task:V.a", "ok"],
      ["task.close", "task:V.a", "ok"],
      ["task.reopen", "task:V.a", "ok"],
    ]);
    expect(await cli("tasks", "close", "X.9")).toBe(1);
    expect(err[0]).toBe("Không có nhiệm vụ mã “X.9” (xem: npm run cli -- tasks).");
  });
});
