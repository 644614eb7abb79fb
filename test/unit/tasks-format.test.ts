// Task pages stay under Telegram's 4096 characters whatever the data, and the due marks
// count Vietnamese working days (Tết, the office's notices).
import { describe, expect, it } from "vitest";
import { visibleLength } from "../../bot/delivery/split.js";
import { createI18n, translator } from "../../bot/i18n.js";
import { createVietnamWorkingCalendar, getDefaultWorkingCalendar } from "../../bot/services/calendar/index.js";
import { compareTaskCodes, taskSortKey } from "../../bot/services/tasks/codes.js";
import { dueMark, markDays } from "../../bot/services/tasks/due.js";
import { type FormatEnv, LIST_PAGE_SIZE, taskDetailPage, taskListPage, unitOverviewPage } from "../../bot/services/tasks/format.js";
import type { TaskDetail, TaskLine } from "../../bot/services/tasks/queries.js";
import type { UnitOverview } from "../../bot/services/tasks/unit-overview.js";
import { pageOfLines } from "../helpers/tasks.js";

const env: FormatEnv = { t: translator(createI18n("vi"), "vi"), timeZone: "Asia/Ho_Chi_Minh" };
const LIMIT = 4096;
const AT = new Date("2021-03-10T03:00:00Z");
const long = (n: number, word = "Nội dung <dài> & “khó” ") => word.repeat(Math.ceil(n / word.length)).slice(0, n);

function line(i: number, over: Partial<TaskLine> = {}): TaskLine {
  return {
    id: 100_000_000 + i,
    code: `III.${i}.${"9".repeat(25)}`.slice(0, 32),
    title: long(120, "Tên nhiệm vụ rất dài & <đặc biệt> "),
    group: i < 50 ? "assigned" : i < 120 ? "lead" : i < 180 ? "coord" : "other",
    percent: i % 101,
    reportedAt: AT,
    dueDate: "2021-03-12",
    recurring: false,
    status: "open",
    mark: "overdue",
    days: 1234,
    ...over,
  };
}

describe("task list pages", () => {
  it("200 tasks with the longest codes and titles: every page under the limit, every task reachable", () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(i));
    const pages = Math.ceil(200 / LIST_PAGE_SIZE);
    const seen = new Set<string>();
    for (let p = 0; p < pages; p++) {
      const page = taskListPage(env, pageOfLines(lines, p), 5);
      expect(visibleLength(page.text)).toBeLessThan(LIMIT);
      for (const row of page.buttons)
        for (const b of row) {
          expect(Buffer.byteLength(b.data!)).toBeLessThanOrEqual(64);
          expect(b.text.length).toBeLessThanOrEqual(64);
          if (b.data!.startsWith("nhiemvu:t:")) seen.add(b.data!.split(":")[2]!);
        }
      const nav = page.buttons.at(-1)!.map((b) => b.data);
      expect(nav).toEqual([...(p > 0 ? [`nhiemvu:p:${p - 1}`] : []), ...(p < pages - 1 ? [`nhiemvu:p:${p + 1}`] : [])]);
    }
    expect(seen.size).toBe(200);
  });

  it("labels the groups, and a group continued from the previous page", () => {
    const lines = Array.from({ length: 20 }, (_, i) => line(i, { group: i < 10 ? "assigned" : "lead" }));
    expect(taskListPage(env, pageOfLines(lines, 0), 5).text).toContain("<b>Giao cho anh/chị</b>\n");
    const second = taskListPage(env, pageOfLines(lines, 1), 5).text;
    expect(second).toContain("<b>Giao cho anh/chị</b> (tiếp)");
    expect(second).toContain("<b>Đơn vị anh/chị chủ trì</b>\n");
    // A page number beyond the list (it shrank since the button was sent) shows the last page.
    expect(taskListPage(env, pageOfLines(lines, 99), 5).text).toContain("(trang 3/3)");
  });

  it("shows progress, the due date in Vietnamese format or “Thường xuyên”, and the marks", () => {
    const text = taskListPage(
      env,
      pageOfLines([
        line(1, { code: "A", title: "Quá hạn", percent: 20, mark: "overdue", days: 3 }),
        line(2, { code: "B", title: "Sắp hạn", percent: null, reportedAt: null, mark: "dueSoon", days: 2 }),
        line(3, { code: "C", title: "Hôm nay", percent: 90, mark: "dueSoon", days: 0 }),
        line(4, { code: "D", title: "Thường xuyên", recurring: true, dueDate: null, mark: "none", days: null }),
        line(5, { code: "E", title: "Xong", percent: 100, mark: "done", days: null }),
      ].map((l) => ({ ...l, group: "lead" as const })), 0),
      5,
    ).text;
    expect(text).toContain("🔴 <b>A</b> Quá hạn\n      20% (ngày 10/03/2021) · Hạn 12/03/2021 · quá hạn 3 ngày");
    expect(text).toContain("🟡 <b>B</b> Sắp hạn\n      chưa báo cáo · Hạn 12/03/2021 · còn 2 ngày làm việc");
    expect(text).toContain("🟡 <b>C</b> Hôm nay\n      90% (ngày 10/03/2021) · Hạn 12/03/2021 · đến hạn hôm nay");
    expect(text).toContain("▫️ <b>D</b> Thường xuyên\n      4% (ngày 10/03/2021) · Thường xuyên");
    expect(text).toContain("✅ <b>E</b> Xong\n      100% (ngày 10/03/2021) · Hạn 12/03/2021 · đã hoàn thành");
    expect(text).toContain("🟡 đến hạn trong 5 ngày làm việc");
  });
});

function detail(over: Partial<TaskDetail> = {}): TaskDetail {
  const unit = (i: number) => ({ id: i, name: long(60, "Phòng Quản lý & Khoa học "), shortName: null });
  return {
    id: 123_456_789,
    code: "X".repeat(32),
    title: long(120),
    content: long(3000),
    section: "III.4.1",
    sectionTitle: long(150),
    dueDate: "2021-12-31",
    recurring: false,
    timingNote: long(200),
    status: "open",
    closedAt: null,
    leadUnits: Array.from({ length: 12 }, (_, i) => unit(i)),
    coordUnits: Array.from({ length: 12 }, (_, i) => unit(20 + i)),
    leadNote: long(300),
    coordNote: long(300),
    assignees: Array.from({ length: 60 }, (_, i) => ({ id: i, fullName: `Nguyễn Văn Người Thứ ${i}`, unitName: "Phòng Quản lý Khoa học và Công nghệ cơ sở" })),
    unitProgress: Array.from({ length: 12 }, (_, i) => ({ unit: unit(i), percent: 50, at: AT })),
    reports: Array.from({ length: 5 }, (_, i) => ({
      id: 900_000_000 + i,
      staffName: "Nguyễn Thị Người Báo Cáo Rất Dài",
      unitName: "Phòng Quản lý Khoa học và Công nghệ cơ sở",
      percent: 50,
      note: long(1000),
      fileKind: "document",
      fileName: long(255, "bao-cao-tien-do-"),
      at: AT,
    })),
    reportCount: 5,
    percent: 50,
    mark: "overdue",
    days: 99,
    canReport: true,
    canClose: true,
    ...over,
  };
}

describe("task detail", () => {
  it("stays under the limit with the longest content, notes, units and people, and still shows content", () => {
    const page = taskDetailPage(env, detail(), { page: 24 });
    expect(visibleLength(page.text)).toBeLessThan(LIMIT);
    expect(page.text).toContain("<b>Nội dung</b>\nNội dung &lt;dài&gt; &amp; “khó”");
    expect(page.text).toMatch(/và 5\d người khác/);
    for (const row of page.buttons) for (const b of row) expect(Buffer.byteLength(b.data!)).toBeLessThanOrEqual(64);
    expect(page.buttons.map((r) => r[0]!.data)).toEqual([
      "baocao:t:123456789",
      "nhiemvu:f:900000000",
      "nhiemvu:f:900000001",
      "nhiemvu:f:900000002",
      "nhiemvu:close:123456789:24",
      "nhiemvu:p:24",
    ]);
  });

  it("shows a short task in full: section, deadline, units, notes, assignees, reports", () => {
    const text = taskDetailPage(
      env,
      detail({
        code: "V.a",
        title: "Tham mưu, theo dõi",
        content: "Tham mưu tổ chức và theo dõi.",
        section: "V",
        sectionTitle: "Nhiệm vụ cụ thể",
        recurring: true,
        dueDate: null,
        timingNote: "Thường xuyên trong năm",
        leadUnits: [{ id: 1, name: "Văn phòng Sở", shortName: "Văn phòng" }],
        coordUnits: [],
        leadNote: "Văn phòng Sở, các phòng, đơn vị liên quan",
        coordNote: "Các phòng, đơn vị liên quan",
        assignees: [{ id: 1, fullName: "Trần Văn Hùng", unitName: "Văn phòng Sở" }],
        unitProgress: [],
        reports: [{ id: 1, staffName: "Trần Văn Hùng", unitName: "Văn phòng", percent: 30, note: "Đã đăng 3 tin", fileKind: "photo", fileName: null, at: AT }],
        reportCount: 1,
        percent: 30,
        mark: "none",
        days: null,
        canClose: false,
      }),
      { page: 0 },
    ).text;
    expect(text).toBe(
      [
        "<b>V.a — Tham mưu, theo dõi</b>",
        "Mục kế hoạch: V — Nhiệm vụ cụ thể",
        "Thời hạn: Thường xuyên",
        "Tiến độ: 30%",
        "",
        "<b>Nội dung</b>",
        "Tham mưu tổ chức và theo dõi.",
        "",
        "<b>Chủ trì:</b> Văn phòng Sở",
        "   (Văn phòng Sở, các phòng, đơn vị liên quan)",
        "<b>Phối hợp:</b> —",
        "   (Các phòng, đơn vị liên quan)",
        "<b>Người thực hiện:</b> Trần Văn Hùng (Văn phòng Sở)",
        "",
        "<b>Báo cáo gần nhất</b> (1/1):",
        "• 10/03/2021 10:00 — Trần Văn Hùng (Văn phòng): <b>30%</b> — Đã đăng 3 tin 🖼 ảnh",
      ].join("\n"),
    );
  });
});

describe("unit overview page", () => {
  it("stays under the limit with many tasks and many people who have not reported", () => {
    const tasks = Array.from({ length: 200 }, (_, i) => ({ ...line(i), role: i % 2 ? ("lead" as const) : ("coord" as const) }));
    const o: Omit<UnitOverview, "tasks"> = {
      unit: { id: 3, code: "QLCS", name: "Phòng Quản lý Khoa học và Công nghệ cơ sở" },
      completion: { percent: 37, done: 12, total: 100 },
      staleDays: 14,
      stale: Array.from({ length: 80 }, (_, i) => ({ staffId: i, fullName: `Nguyễn Văn Cán Bộ Số ${i}`, lastReportAt: i % 2 ? AT : null })),
    };
    for (let p = 0; p < 25; p++) {
      const page = unitOverviewPage(env, { ...o, tasks: pageOfLines(tasks, p) }, 5);
      expect(visibleLength(page.text)).toBeLessThan(LIMIT);
      expect(page.text).toContain("Hoàn thành chung: <b>37%</b> — 12/100 nhiệm vụ chủ trì đã xong");
      expect(page.text).toContain("⚠️ Chưa báo cáo trong 14 ngày (80 người): Nguyễn Văn Cán Bộ Số 0 (chưa báo cáo lần nào), Nguyễn Văn Cán Bộ Số 1 (lần cuối 10/03/2021)");
    }
  });
});

describe("due marks in working days", () => {
  const cal = getDefaultWorkingCalendar();
  const open = (dueDate: string) => ({ status: "open", dueDate, recurring: false });

  it("counts working days: Tết is not counted", () => {
    // Monday 08/02/2021; Tết 2021 for civil servants: 10–16/02. Due Thursday 18/02: only
    // 09, 17 and 18 are working days, so it is due within 5 working days.
    expect(dueMark(open("2021-02-18"), 10, "2021-02-08", cal, 5)).toBe("dueSoon");
    expect(markDays("dueSoon", "2021-02-18", { today: "2021-02-08", calendar: cal })).toBe(3);
    // Without the holidays, 18/02 would be 8 working days away.
    expect(dueMark(open("2021-03-18"), 10, "2021-03-08", cal, 5)).toBe("none");
  });

  it("follows the office's imported notice and the configured number of days", () => {
    const withNotice = createVietnamWorkingCalendar([{ date: "2021-03-09", name: "Nghỉ bù", kind: "nghi" }]);
    expect(getDefaultWorkingCalendar().workingDaysBetween("2021-03-08", "2021-03-15")).toBe(5);
    expect(withNotice.workingDaysBetween("2021-03-08", "2021-03-15")).toBe(4);
    expect(dueMark(open("2021-03-15"), null, "2021-03-08", cal, 4)).toBe("none");
    expect(dueMark(open("2021-03-15"), null, "2021-03-08", withNotice, 4)).toBe("dueSoon");
  });

  it("overdue after the due date unless done or closed; recurring tasks have no mark", () => {
    expect(dueMark(open("2021-03-09"), 99, "2021-03-10", cal, 5)).toBe("overdue");
    expect(markDays("overdue", "2021-03-09", { today: "2021-03-12", calendar: cal })).toBe(3);
    expect(dueMark(open("2021-03-09"), 100, "2021-03-10", cal, 5)).toBe("done");
    expect(dueMark({ ...open("2021-03-09"), status: "closed" }, 10, "2021-03-10", cal, 5)).toBe("closed");
    expect(dueMark({ status: "open", dueDate: null, recurring: true }, 10, "2021-03-10", cal, 5)).toBe("none");
    expect(dueMark(open("2021-03-10"), 0, "2021-03-10", cal, 5)).toBe("dueSoon");
  });
});

describe("task codes", () => {
  it("sort in the plan's order", () => {
    const codes = ["V.a", "III.10", "IX.1", "III.2", "IV.1", "III.2.1", "V.b", "NV-2021-01", "III.4.1.2"];
    expect([...codes].sort(compareTaskCodes)).toEqual(["III.2", "III.2.1", "III.4.1.2", "III.10", "IV.1", "V.a", "V.b", "IX.1", "NV-2021-01"]);
  });

  it("the sort key that SQL orders by gives the same order, with digits and lower-case letters only", () => {
    const codes = ["V.a", "III.10", "IX.1", "III.2", "IV.1", "III.2.1", "V.b", "NV-2021-01", "III.4.1.2", "v.Đ", "V.c.1", "XII", "III.2.a"];
    const byKey = (a: string, b: string) => (taskSortKey(a) < taskSortKey(b) ? -1 : taskSortKey(a) > taskSortKey(b) ? 1 : 0);
    expect([...codes].sort(byKey)).toEqual([...codes].sort(compareTaskCodes));
    for (const c of codes) expect(taskSortKey(c)).toMatch(/^[0-9a-z]+$/);
  });
});
