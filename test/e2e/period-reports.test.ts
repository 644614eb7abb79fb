// /nopbaocao and /baocaoky end to end, through the fake Telegram Bot API: a head drafts the
// unit's report from its data, answers the three steps, previews and submits; a correction
// makes version 2 (version 1 kept); a chuyên viên and forged buttons are refused; the office
// reports for another unit and period, sees who has submitted, generates the .docx and .xlsx
// (opened and read back), is told which figures changed since the last report, and closes the
// period, after which nothing more is accepted.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TgMessage, TgUser } from "../fake-telegram/types.js";
import { TEST_NOW } from "../helpers/clock.js";
import { buttons, E2E, textOf } from "../helpers/e2e.js";

let e2e: E2E;
const users: Record<string, TgUser> = {};
const minutes = (n: number) => new Date(TEST_NOW.getTime() + n * 60_000);
let now = TEST_NOW;

async function docText(m: TgMessage): Promise<string> {
  const zip = await JSZip.loadAsync(e2e.tg.file(m.document!.file_id)!.content);
  return (await zip.file("word/document.xml")!.async("string")).replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "");
}

async function workbook(m: TgMessage): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs' typings predate Node's generic Buffer.
  await wb.xlsx.load(e2e.tg.file(m.document!.file_id)!.content as unknown as ArrayBuffer);
  return wb;
}

const press = async (code: string, m: TgMessage, label: string) => (await e2e.pressLabel(users[code]!, m, label)).messages;

let khtc: number;
let qlkh: number;
let task: { id: number; code: string };

beforeAll(async () => {
  e2e = await E2E.start({ clock: () => now });
  for (const code of ["KH01", "KH02", "QL01", "VP01", "GD01"]) users[code] = await e2e.login(code);
  khtc = (await e2e.db.unit.findUniqueOrThrow({ where: { code: "KHTC" } })).id;
  qlkh = (await e2e.db.unit.findUniqueOrThrow({ where: { code: "QLKH" } })).id;
  task = await e2e.db.task.findUniqueOrThrow({ where: { code: "III.1" }, select: { id: true, code: true } });
  const kh02 = await e2e.db.staff.findUniqueOrThrow({ where: { code: "KH02" } });
  await e2e.db.progressReport.create({ data: { taskId: task.id, staffId: kh02.id, unitId: khtc, percent: 40, note: "Đã lắp đặt máy chủ", createdAt: minutes(-60 * 24) } });
}, 120_000);
afterAll(async () => e2e?.stop());

describe("/nopbaocao", () => {
  it("a head drafts the unit's report from its data, answers the steps, previews and submits version 1", async () => {
    const replies = await e2e.say(users.KH01!, "/nopbaocao");
    const draft = textOf(replies[0]);
    expect(draft).toContain("Dự thảo báo cáo Báo cáo năm (2026)");
    expect(draft).toContain("Phòng Kế hoạch - Tài chính");
    expect(draft).toMatch(/III\.1[^\n]*: 40% — Đã lắp đặt máy chủ/);
    expect(draft).toContain("Hồ sơ TTHC");
    expect(draft).toContain("Cảnh báo ATTT");
    const step1 = replies.at(-1)!;
    expect(textOf(step1)).toContain("Bước 1/3 — Kết quả khác");
    expect(buttons(step1).map((b) => b.text)).toEqual(["Bỏ qua", "Hủy"]);

    const [step2] = await e2e.say(users.KH01!, "Triển khai chữ ký số cho 100% lãnh đạo phòng.");
    expect(textOf(step2)).toContain("Bước 2/3 — Khó khăn, vướng mắc");
    const [step3] = await press("KH01", step2!, "Bỏ qua");
    expect(textOf(step3)).toContain("Bước 3/3 — Đề xuất, kiến nghị");
    const [preview] = await e2e.say(users.KH01!, "Đề nghị bổ sung kinh phí mua máy chủ.");
    expect(textOf(preview)).toContain("Xem lại trước khi nộp");
    expect(textOf(preview)).toContain("Triển khai chữ ký số cho 100% lãnh đạo phòng.");
    expect(textOf(preview)).toContain("Đề nghị bổ sung kinh phí mua máy chủ.");
    expect(textOf(preview)).toMatch(/Khó khăn, vướng mắc:\n\(không có\)/);
    const done = (await press("KH01", preview!, "Nộp")).at(-1);
    expect(textOf(done)).toContain("Đã nộp báo cáo Báo cáo năm (2026) của Phòng Kế hoạch - Tài chính (phiên bản 1");

    const sub = await e2e.db.reportSubmission.findUniqueOrThrow({ where: { unitId_periodKey: { unitId: khtc, periodKey: "2026" } }, include: { versions: true } });
    expect(sub.versions).toHaveLength(1);
    expect(sub.versions[0]).toMatchObject({ version: 1, results: "Triển khai chữ ký số cho 100% lãnh đạo phòng.", difficulties: null, proposals: "Đề nghị bổ sung kinh phí mua máy chủ." });
    expect(sub.versions[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a correction keeps what the head chooses to keep and makes version 2; version 1 stays", async () => {
    now = minutes(10);
    const replies = await e2e.say(users.KH01!, "/nopbaocao");
    expect(textOf(replies[0])).toContain("Đơn vị đã nộp phiên bản 1");
    const step1 = replies.at(-1)!;
    expect(textOf(step1)).toContain("Nội dung đã nộp: Triển khai chữ ký số");
    const [step2] = await press("KH01", step1, "Giữ như bản đã nộp");
    expect(buttons(step2!).map((b) => b.text)).toEqual(["Bỏ qua", "Hủy"]); // nothing submitted to keep
    const [step3] = await e2e.say(users.KH01!, "Thiếu cán bộ chuyên trách CNTT.");
    const [preview] = await press("KH01", step3!, "Giữ như bản đã nộp");
    const done = (await press("KH01", preview!, "Nộp")).at(-1);
    expect(textOf(done)).toContain("phiên bản 2");
    const versions = await e2e.db.reportSubmissionVersion.findMany({ where: { submission: { unitId: khtc, periodKey: "2026" } }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.results, v.difficulties, v.proposals])).toEqual([
      [1, "Triển khai chữ ký số cho 100% lãnh đạo phòng.", null, "Đề nghị bổ sung kinh phí mua máy chủ."],
      [2, "Triển khai chữ ký số cho 100% lãnh đạo phòng.", "Thiếu cán bộ chuyên trách CNTT.", "Đề nghị bổ sung kinh phí mua máy chủ."],
    ]);
    // A stale "Nộp" under the old preview writes nothing more.
    const { answer } = await e2e.press(users.KH01!, preview!, "nopbaocao:send", { forge: true });
    expect(answer?.text).toContain("đã kết thúc hoặc hết hạn");
    expect(await e2e.db.reportSubmissionVersion.count({ where: { submission: { unitId: khtc } } })).toBe(2);
  });

  it("refuses a chuyên viên, and a head's forged button for another unit", async () => {
    const [reply] = await e2e.say(users.KH02!, "/nopbaocao");
    expect(textOf(reply)).toContain("không có quyền");
    const denied = await e2e.db.auditLog.findFirst({ where: { action: "command.nopbaocao", outcome: "denied" } });
    expect(denied).not.toBeNull();
    const [head] = await e2e.say(users.KH01!, "/huy");
    const { answer } = await e2e.press(users.KH01!, head!, `nopbaocao:u:${qlkh}`, { forge: true });
    expect(answer?.text).toContain("không có quyền");
    expect(await e2e.db.reportSubmission.count({ where: { unitId: qlkh } })).toBe(0);
  });

  it("the office reports for any unit, on a period it picks among the open ones", async () => {
    const [pick] = await e2e.say(users.VP01!, "/nopbaocao");
    expect(textOf(pick)).toContain("Chọn đơn vị");
    expect(buttons(pick!).map((b) => b.text)).toContain("✓ KH-TC");
    const [periods] = await press("VP01", pick!, "QLKH");
    expect(buttons(periods!).map((b) => b.text)).toEqual(expect.arrayContaining(["2026", "2026-Q3", "2026-H1", "2026-Q1"]));
    const replies = await press("VP01", periods!, "2026-Q3");
    expect(textOf(replies[0])).toContain("Báo cáo quý III (2026-Q3)");
    let m = replies.at(-1)!;
    for (let i = 0; i < 3; i++) m = (await press("VP01", m, "Bỏ qua"))[0]!;
    const done = (await press("VP01", m, "Nộp")).at(-1);
    expect(textOf(done)).toContain("Đã nộp báo cáo Báo cáo quý III (2026-Q3) của Phòng Quản lý Khoa học (phiên bản 1");
    const v = await e2e.db.reportSubmissionVersion.findFirstOrThrow({ where: { submission: { unitId: qlkh, periodKey: "2026-Q3" } }, include: { submittedBy: true } });
    expect(v.submittedBy.code).toBe("VP01");
  });
});

describe("/baocaoky", () => {
  it("shows who has submitted, and sends the .docx and .xlsx named by period with the units' texts and figures", async () => {
    const [pick] = await e2e.say(users.VP01!, "/baocaoky");
    const [status] = (await press("VP01", pick!, "2026 — Báo cáo năm"));
    const text = textOf(status);
    expect(text).toContain("Đã nộp: 1/4 đơn vị.");
    expect(text).toMatch(/✅ Phòng Kế hoạch - Tài chính: phiên bản 2/);
    expect(text).toContain("⏳ Phòng Quản lý Khoa học: chưa nộp");
    expect(buttons(status!).map((b) => b.text)).toEqual(["Tạo báo cáo (.docx, .xlsx)", "🔒 Khoá kỳ"]);

    const messages = await press("VP01", status!, "Tạo báo cáo");
    const docs = messages.filter((m) => m.document);
    expect(docs.map((d) => d.document!.file_name)).toEqual(["bao-cao-2026.docx", "bao-cao-2026.xlsx"]);
    expect(textOf(messages.find((m) => !m.document))).toContain("Báo cáo năm (2026): số liệu tính đến 25/11/2026");
    const doc = await docText(docs[0]!);
    expect(doc).toContain("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    expect(doc).toContain("BC-SKHCN");
    expect(doc).toMatch(/II\. KHÓ KHĂN, VƯỚNG MẮC\n- Phòng Kế hoạch - Tài chính: Thiếu cán bộ chuyên trách CNTT\./);
    expect(doc).toMatch(/III\. ĐỀ XUẤT, KIẾN NGHỊ\n- Phòng Kế hoạch - Tài chính: Đề nghị bổ sung kinh phí mua máy chủ\./);
    expect(doc).toContain("KH-TC (chủ trì): 40%; Đã lắp đặt máy chủ.");
    const wb = await workbook(docs[1]!);
    const subs = wb.getWorksheet("Báo cáo đơn vị")!;
    const khRow = subs.getRows(2, subs.rowCount - 1)!.find((r) => r.getCell(1).value === "KH-TC")!;
    expect(khRow.getCell(2).value).toBe("Có");
    expect(khRow.getCell(3).value).toBe(2);
    expect(khRow.getCell(7).value).toBe("Thiếu cán bộ chuyên trách CNTT.");
  });

  it("says which figures changed since the last report", async () => {
    const kh02 = await e2e.db.staff.findUniqueOrThrow({ where: { code: "KH02" } });
    await e2e.db.progressReport.create({ data: { taskId: task.id, staffId: kh02.id, unitId: khtc, percent: 60, note: "Cài đặt xong", createdAt: minutes(11) } });
    now = minutes(12);
    const [status] = await e2e.say(users.GD01!, "/baocaoky 2026");
    // lãnh đạo Sở sees and generates, but does not close the period.
    expect(buttons(status!).map((b) => b.text)).toEqual(["Tạo báo cáo (.docx, .xlsx)"]);
    const messages = await press("GD01", status!, "Tạo báo cáo");
    const summary = textOf(messages.find((m) => !m.document));
    expect(summary).toContain("Số liệu đã thay đổi so với lần tạo trước");
    expect(summary).toContain("KH-TC — Tiến độ nhiệm vụ III.1 (%): 40 → 60");
    const { answer } = await e2e.press(users.GD01!, status!, "baocaoky:close:2026", { forge: true });
    expect(answer?.text).toContain("không có quyền");
    expect(await e2e.db.reportPeriodClosure.count()).toBe(0);
  });

  it("the office closes the period; then a head can no longer submit or correct", async () => {
    const [status] = await e2e.say(users.VP01!, "/baocaoky 2026");
    const [confirm] = await press("VP01", status!, "Khoá kỳ");
    expect(textOf(confirm)).toContain("Khoá kỳ Báo cáo năm (2026)?");
    await press("VP01", confirm!, "Khoá kỳ");
    expect(await e2e.db.reportPeriodClosure.findUnique({ where: { periodKey: "2026" } })).not.toBeNull();
    const [reply] = await e2e.say(users.KH01!, "/nopbaocao");
    expect(textOf(reply)).toContain("đã được Văn phòng Sở khoá");
    expect(await e2e.db.auditLog.count({ where: { action: "report.close", outcome: "ok" } })).toBe(1);
  });

  it("refuses an unknown period and a chuyên viên", async () => {
    const [bad] = await e2e.say(users.VP01!, "/baocaoky 2027-Q2");
    expect(textOf(bad)).toContain("Không có kỳ báo cáo «2027-Q2»");
    const [denied] = await e2e.say(users.KH02!, "/baocaoky");
    expect(textOf(denied)).toContain("không có quyền");
  });
});

describe("/baocaoky on a channel without uploads (Zalo)", () => {
  let z: E2E;
  beforeAll(async () => {
    z = await E2E.start({ zalo: "polling" });
  }, 120_000);
  afterAll(async () => z?.stop());

  it("sends the two files as one-time download links that open", async () => {
    const vp = await z.zaloLogin("VP01");
    const [status] = await z.zaloSay(vp, "/baocaoky 2026");
    const choice = /\[(\d+)\] Tạo báo cáo/.exec(status!.text)?.[1];
    expect(choice).toBeDefined();
    const replies = await z.zaloSay(vp, choice!);
    const text = replies.map((m) => m.text).join("\n");
    expect(text).toContain("bao-cao-2026.docx");
    expect(text).toContain("bao-cao-2026.xlsx");
    const urls = [...text.matchAll(/https?:\/\/\S+\/files\/[A-Za-z0-9_-]+/g)].map((m) => m[0]);
    expect(urls).toHaveLength(2);
    const xlsx = await fetch(urls[1]!);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("bao-cao-2026.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toContain("Báo cáo đơn vị");
  });
});
