// The department's compiled report (bot/services/reports/*) generated for each period of 2027
// from a seeded database and read back as a person opens it: the .docx's text (word/document.xml)
// and, converted to PDF by LibreOffice, where its headings sit on the page (Decree 30); the
// .xlsx's cells with exceljs (real numbers and dates, frozen headers). Every figure is checked
// against the data: the period's figures (figures.ts, itself checked against direct counts) and
// hand counts of the scenario below. Re-generating says which figures changed, and data after a
// period's end changes nothing in it. Also the CLI `report` and `report close`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import type { Db } from "../../bot/db/client.js";
import { createI18n, translator } from "../../bot/i18n.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { generatePeriodReport, type GeneratedPeriodReport } from "../../bot/services/reports/generate.js";
import { periodFigures, periodFiguresByUnit } from "../../bot/services/reports/figures.js";
import { type Period, periodAsOf, resolvePeriod } from "../../bot/services/reports/periods.js";
import { draftUnitReport, reportingUnits, submitReport } from "../../bot/services/reports/submissions.js";
import { syncTipLibrary } from "../../bot/services/tips/library.js";
import { createTestDatabase, pgAvailable, type TestDatabase } from "../helpers/db.js";
import { vn } from "../helpers/jobs.js";
import { docxToPdf, missingOfficeTools, pdfWords } from "../helpers/office-files.js";

const TZ = "Asia/Ho_Chi_Minh";
const hasPg = await pgAvailable();
const t = translator(createI18n("vi"), "vi");
/** Every period of 2027 is over: figures as of each period's end. */
const NOW = vn("2028-01-10", "09:00");
const PERIODS = ["2027-Q1", "2027-H1", "2027-Q3", "2027"] as const;

let db: TestDatabase;
let p: Db;
const dir = mkdtempSync(path.join(tmpdir(), "period-report-"));
const generated = new Map<string, GeneratedPeriodReport>();

async function seedYear(db: Db) {
  await loadDemoStaff(db);
  await syncTipLibrary(db);
  const unit = new Map((await db.unit.findMany()).map((u) => [u.code, u.id]));
  const staff = new Map((await db.staff.findMany()).map((s) => [s.code, s]));
  const s = (c: string) => staff.get(c)!;
  const task = await db.task.findUniqueOrThrow({ where: { code: "III.1" } });
  const report = (who: string, percent: number, note: string | null, at: Date) =>
    db.progressReport.create({ data: { taskId: task.id, staffId: s(who).id, unitId: s(who).unitId, percent, note, createdAt: at } });
  await report("KH02", 30, "Khảo sát hạ tầng", vn("2027-02-10", "10:00"));
  await report("KH02", 70, "Lắp đặt máy chủ", vn("2027-05-10", "10:00"));
  await report("KH02", 100, "Hoàn thành", vn("2027-08-20", "10:00"));
  await report("QL02", 50, null, vn("2027-03-05", "10:00"));

  let n = 0;
  const dossier = (u: string, received: Date, due: string, status: string, returned?: Date) =>
    db.dossier.create({
      data: { code: `HS-${++n}`, procedureName: "Thủ tục", applicant: "Công ty A", unitId: unit.get(u)!, receivedAt: received, dueAt: vn(due, "17:00"), status, returnedAt: returned ?? null },
    });
  await dossier("KHTC", vn("2027-01-05", "09:00"), "2027-01-20", "da_tra_dung_han", vn("2027-01-19", "10:00"));
  await dossier("KHTC", vn("2027-02-22", "09:00"), "2027-03-05", "da_tra_tre_han", vn("2027-03-10", "10:00"));
  await dossier("QLKH", vn("2027-03-01", "09:00"), "2027-03-15", "da_tra_dung_han", vn("2027-03-12", "10:00"));
  await dossier("QLKH", vn("2027-07-10", "09:00"), "2027-07-25", "da_tra_dung_han", vn("2027-07-20", "10:00"));
  await dossier("QLCS", vn("2027-08-01", "09:00"), "2027-08-15", "dang_xu_ly");

  const everyone = [...staff.values()];
  const alert = (sentAt: Date, remediation: boolean, title: string) =>
    db.securityAlert.create({
      data: { severity: "cao", title, body: "Nội dung", status: "sent", requireRemediation: remediation, sentAt, recipients: { create: everyone.map((x) => ({ staffId: x.id, unitId: x.unitId })) } },
      include: { recipients: true },
    });
  const a1 = await alert(vn("2027-02-01", "09:00"), true, "Lỗ hổng trình duyệt");
  const a2 = await alert(vn("2027-08-01", "09:00"), false, "Thư điện tử giả mạo");
  for (const r of a1.recipients.slice(0, 6)) await db.alertRecipient.update({ where: { id: r.id }, data: { ackAt: vn("2027-02-01", "10:00") } });
  for (const r of a2.recipients.slice(0, 3)) await db.alertRecipient.update({ where: { id: r.id }, data: { ackAt: vn("2027-08-01", "10:00") } });
  await db.alertRemediation.create({ data: { alertId: a1.id, unitId: unit.get("KHTC")!, handled: 4, total: 6, reportedById: s("KH01").id, createdAt: vn("2027-02-03", "10:00") } });
  await db.alertRemediation.create({ data: { alertId: a1.id, unitId: unit.get("QLKH")!, handled: 5, total: 5, reportedById: s("QL01").id, createdAt: vn("2027-02-04", "10:00") } });

  const tips = await db.tip.findMany({ orderBy: { id: "asc" }, take: 2 });
  await db.tipDelivery.create({ data: { staffId: s("KH02").id, tipId: tips[0]!.id, cycle: 1, via: "scheduled", at: vn("2027-01-11", "08:00") } });
  await db.tipDelivery.create({ data: { staffId: s("QL02").id, tipId: tips[1]!.id, cycle: 1, via: "scheduled", at: vn("2027-07-11", "08:00") } });
  await db.quizAnswer.create({ data: { staffId: s("KH02").id, tipId: tips[0]!.id, chosen: 1, correct: true, at: vn("2027-01-11", "09:00") } });
  await db.quizAnswer.create({ data: { staffId: s("QL02").id, tipId: tips[1]!.id, chosen: 0, correct: false, at: vn("2027-07-11", "09:00") } });

  // KH-TC reports on the first quarter.
  const q1 = (await resolvePeriod(db, "2027-Q1"))!;
  const khtc = (await reportingUnits(db)).find((u) => u.code === "KHTC")!;
  const kh01 = s("KH01");
  const draft = await draftUnitReport(db, khtc, q1, vn("2027-03-02", "15:00"), TZ);
  const res = await submitReport(
    db,
    { staffId: kh01.id, role: kh01.role, unitId: kh01.unitId, actor: "test" },
    draft,
    { results: "Triển khai hội nghị trực tuyến.", difficulties: "Đường truyền chậm.", proposals: "Nâng cấp đường truyền." },
    vn("2027-03-02", "15:00"),
  );
  expect(res).toEqual({ ok: true, version: 1 });
}

async function period(key: string): Promise<Period> {
  return (await resolvePeriod(p, key))!;
}

async function generate(key: string, now = NOW) {
  return generatePeriodReport(p, await period(key), { now, timeZone: TZ, actor: "test", actorStaffId: null, t });
}

async function docText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file("word/document.xml")!.async("string")).replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "");
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs' typings predate Node's generic Buffer.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function rows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  ws.eachRow((row, i) => {
    if (i > 1) out.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return out;
}

const vnPercent = (rate: number | null) => (rate === null ? null : `${(Math.round(rate * 1000) / 10).toLocaleString("vi-VN")}%`);

beforeAll(async () => {
  // The plan is seeded before the year it is reported on.
  db = await createTestDatabase({ now: vn("2026-12-15", "08:00") });
  p = db.prisma;
  await seedYear(p);
  for (const key of PERIODS) generated.set(key, await generate(key));
}, 120_000);
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the compiled report of each period", () => {
  it.each(PERIODS)("%s: every figure of the .docx is the period's, as of its end", async (key) => {
    const r = generated.get(key)!;
    const per = await period(key);
    const asOf = periodAsOf(per, NOW, TZ);
    expect(r.report.asOf).toEqual(asOf);
    expect(r.docx.fileName).toBe(`bao-cao-${key}.docx`);
    const d = await periodFigures(p, per, asOf, undefined, { timeZone: TZ });
    const text = await docText(r.docx.bytes);
    expect(text).toContain(`tiếp nhận ${d.dossiers.received} hồ sơ; đã giải quyết ${d.dossiers.handled} hồ sơ, trong đó đúng hạn ${d.dossiers.handledOnTime}, trễ hạn ${d.dossiers.handledLate}`);
    expect(text).toContain(`đang giải quyết ${d.dossiers.pending} hồ sơ, trong đó quá hạn ${d.dossiers.overdue}.`);
    expect(text).toContain(`Tổng số nhiệm vụ: ${d.tasks.total}; đã hoàn thành: ${d.tasks.done}; đang thực hiện: ${d.tasks.inProgress}; chưa triển khai: ${d.tasks.notStarted}; quá hạn: ${d.tasks.overdue}`);
    expect(text).toContain(`gửi ${d.alerts.alerts} cảnh báo an toàn thông tin đến ${d.alerts.recipients} lượt người nhận; đã xác nhận đọc ${d.alerts.read}`);
    expect(text).toContain(`đã xử lý ${d.alerts.remediationHandled}/${d.alerts.remediationTotal} máy`);
    expect(text).toContain(`đã gửi ${d.tips.tipsSent} lượt mẹo an toàn thông tin; ${d.tips.participants} cán bộ tham gia trả lời ${d.tips.quizAnswers} câu hỏi nhanh`);
    if (d.dossiers.onTimeRate !== null) expect(text).toContain(`(tỷ lệ đúng hạn ${vnPercent(d.dossiers.onTimeRate)})`);
    expect(text).toContain(`kỳ báo cáo từ ${per.from.split("-").reverse().join("/")} đến ${per.to.split("-").reverse().join("/")}`);
  });

  it("matches the scenario counted by hand", async () => {
    const text = async (key: string) => docText(generated.get(key)!.docx.bytes);
    // Q1: three dossiers received and handled (one late), one alert to the ten demo staff, six read; remediation 9/11.
    expect(await text("2027-Q1")).toContain("tiếp nhận 3 hồ sơ; đã giải quyết 3 hồ sơ, trong đó đúng hạn 2, trễ hạn 1 (tỷ lệ đúng hạn 66,7%)");
    expect(await text("2027-Q1")).toContain("gửi 1 cảnh báo an toàn thông tin đến 10 lượt người nhận; đã xác nhận đọc 6 (tỷ lệ 60%)");
    expect(await text("2027-Q1")).toContain("đã xử lý 9/11 máy");
    // The unit's own latest progress and note at each period's end.
    expect(await text("2027-Q1")).toContain("KH-TC (chủ trì): 30%; Khảo sát hạ tầng.");
    expect(await text("2027-Q1")).toContain("QLKH (chủ trì): 50%.");
    expect(await text("2027-H1")).toContain("KH-TC (chủ trì): 70%; Lắp đặt máy chủ.");
    expect(await text("2027-Q3")).toContain("KH-TC (chủ trì): 100%; Hoàn thành.");
    // Q3: one received, one pending (QLCS), one alert read by three.
    expect(await text("2027-Q3")).toContain("tiếp nhận 2 hồ sơ; đã giải quyết 1 hồ sơ");
    expect(await text("2027-Q3")).toContain("đến 10 lượt người nhận; đã xác nhận đọc 3");
    // The year: everything.
    expect(await text("2027")).toContain("tiếp nhận 5 hồ sơ; đã giải quyết 4 hồ sơ, trong đó đúng hạn 3, trễ hạn 1 (tỷ lệ đúng hạn 75%)");
  });

  it("puts the units' own texts in their sections, and says who has not reported", async () => {
    const q1 = await docText(generated.get("2027-Q1")!.docx.bytes);
    const section = (title: string, next: string) => q1.slice(q1.indexOf(title), q1.indexOf(next));
    expect(section("Kết quả khác của các phòng, đơn vị", "2. Giải quyết hồ sơ")).toContain("Phòng Kế hoạch - Tài chính: Triển khai hội nghị trực tuyến.");
    expect(section("II. KHÓ KHĂN, VƯỚNG MẮC", "III. ĐỀ XUẤT")).toContain("Phòng Kế hoạch - Tài chính: Đường truyền chậm.");
    expect(section("III. ĐỀ XUẤT, KIẾN NGHỊ", "Trên đây là báo cáo")).toContain("Phòng Kế hoạch - Tài chính: Nâng cấp đường truyền.");
    expect(q1).toContain("Số phòng, đơn vị đã gửi báo cáo: 1/4; chưa gửi: Văn phòng Sở, Phòng Quản lý Khoa học, Phòng Quản lý Khoa học và Công nghệ cơ sở.");
    expect(await docText(generated.get("2027-H1")!.docx.bytes)).toContain("Các phòng, đơn vị không báo cáo khó khăn, vướng mắc.");
  });

  it.each(PERIODS)("%s: the .xlsx has a sheet per topic, Vietnamese headers, real numbers and dates, frozen headers", async (key) => {
    const r = generated.get(key)!;
    const per = await period(key);
    const asOf = periodAsOf(per, NOW, TZ);
    const byUnit = await periodFiguresByUnit(p, per, asOf, { timeZone: TZ });
    const dept = await periodFigures(p, per, asOf, undefined, { timeZone: TZ });
    const wb = await workbook(r.xlsx.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Nhiệm vụ", "Hồ sơ TTHC", "Cảnh báo ATTT", "Mẹo và trắc nghiệm", "Báo cáo đơn vị"]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
    const units = await reportingUnits(p);
    const label = (u: { shortName: string | null; name: string }) => u.shortName ?? u.name;

    const dossiers = rows(wb.getWorksheet("Hồ sơ TTHC")!);
    expect(wb.getWorksheet("Hồ sơ TTHC")!.getRow(1).values).toEqual([undefined, "Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Trễ hạn", "Đang giải quyết", "Quá hạn", "Tỷ lệ đúng hạn"]);
    const expected = [...units.map((u) => [label(u), byUnit.get(u.id)!.dossiers] as const), ["Toàn Sở", dept.dossiers] as const];
    expect(dossiers).toEqual(expected.map(([l, f]) => [l, f.received, f.handled, f.handledOnTime, f.handledLate, f.pending, f.overdue, ...(f.onTimeRate === null ? [] : [f.onTimeRate])]));
    expect(wb.getWorksheet("Hồ sơ TTHC")!.getColumn(8).numFmt).toBe("0.0%");

    const tasks = rows(wb.getWorksheet("Nhiệm vụ")!);
    const kh = tasks.find((row) => row[0] === "KH-TC" && row[1] === "III.1")!;
    const khPercent = { "2027-Q1": 30, "2027-H1": 70, "2027-Q3": 100, "2027": 100 }[key];
    expect(kh[6]).toBe(khPercent);
    expect(kh[7]).toBeInstanceOf(Date);
    expect(wb.getWorksheet("Nhiệm vụ")!.getColumn(8).numFmt).toBe("dd/mm/yyyy");
    // One line per task and unit leading or coordinating it.
    expect(tasks.length).toBe(await p.taskUnit.count({ where: { unit: { kind: "internal" } } }));

    const alerts = rows(wb.getWorksheet("Cảnh báo ATTT")!);
    expect(alerts.length).toBe(dept.alerts.alerts);
    const sum = (i: number) => alerts.reduce((s, row) => s + (row[i] as number), 0);
    expect([sum(4), sum(5), sum(9), sum(10)]).toEqual([dept.alerts.recipients, dept.alerts.read, dept.alerts.remediationHandled, dept.alerts.remediationTotal]);
    for (const row of alerts) expect(row[3]).toBeInstanceOf(Date);

    const tips = rows(wb.getWorksheet("Mẹo và trắc nghiệm")!);
    expect(tips.at(-1)!.slice(0, 4)).toEqual(["Toàn Sở", dept.tips.tipsSent, dept.tips.quizAnswers, dept.tips.participants]);
    for (const u of units) expect(tips.find((row) => row[0] === label(u))!.slice(1, 4)).toEqual([byUnit.get(u.id)!.tips.tipsSent, byUnit.get(u.id)!.tips.quizAnswers, byUnit.get(u.id)!.tips.participants]);

    const subs = rows(wb.getWorksheet("Báo cáo đơn vị")!);
    const khSub = subs.find((row) => row[0] === "KH-TC")!;
    if (key === "2027-Q1") {
      expect(khSub.slice(0, 3)).toEqual(["KH-TC", "Có", 1]);
      expect(khSub[3]).toEqual(new Date("2027-03-02T00:00:00Z"));
      expect(khSub.slice(5)).toEqual(["Triển khai hội nghị trực tuyến.", "Đường truyền chậm.", "Nâng cấp đường truyền."]);
    } else {
      expect(khSub.slice(0, 2)).toEqual(["KH-TC", "Chưa"]);
    }
  });
});

describe("re-generated later", () => {
  it("gives the same figures, and data after the period's end changes nothing in it", async () => {
    const task = await p.task.findUniqueOrThrow({ where: { code: "III.1" } });
    const kh02 = await p.staff.findUniqueOrThrow({ where: { code: "KH02" } });
    await p.progressReport.create({ data: { taskId: task.id, staffId: kh02.id, unitId: kh02.unitId, percent: 90, createdAt: vn("2027-04-02", "10:00") } });
    const again = await generate("2027-Q1", vn("2028-01-11", "09:00"));
    expect(again.previous?.changes).toEqual([]);
    expect(again.report.fingerprint).toBe(generated.get("2027-Q1")!.report.fingerprint);
  });

  it("says which figures changed when the period's data changed", async () => {
    const khtc = await p.unit.findUniqueOrThrow({ where: { code: "KHTC" } });
    // A dossier of the quarter imported late.
    await p.dossier.create({
      data: { code: "HS-LATE", procedureName: "Thủ tục", applicant: "Công ty B", unitId: khtc.id, receivedAt: vn("2027-03-20", "09:00"), dueAt: vn("2027-04-05", "17:00"), status: "dang_xu_ly" },
    });
    const again = await generate("2027-Q1", vn("2028-01-12", "09:00"));
    const changes = again.previous!.changes.map((c) => [c.entry.scope, c.entry.metric, c.from, c.to]);
    expect(changes).toEqual(expect.arrayContaining([["", "dossiers.received", 3, 4], ["KHTC", "dossiers.received", 2, 3], ["", "dossiers.pending", 0, 1]]));
    expect(await p.generatedReport.count({ where: { periodKey: "2027-Q1" } })).toBe(3);
  });
});

describe.skipIf(missingOfficeTools.length > 0)(`the .docx as LibreOffice lays it out${missingOfficeTools.length ? ` (SKIPPED: ${missingOfficeTools.join(", ")} not found)` : ""}`, () => {
  it("puts the headings where Decree 30 does: agency left and national heading right at the top, number left, place and date right, title centred, signature block right at the end", async () => {
    const file = path.join(dir, "bao-cao-2027-Q1.docx");
    writeFileSync(file, generated.get("2027-Q1")!.docx.bytes);
    const [pdf] = await docxToPdf(dir, [file]);
    const { pages, words } = pdfWords(pdf!);
    const page = pages[0]!;
    // The text area: 30 mm from the left edge, 15 mm from the right (A4, 595 × 842 pt).
    const mm = 72 / 25.4;
    expect(page.width).toBeCloseTo(210 * mm, 0);
    const left = 30 * mm;
    const right = page.width - 15 * mm;
    const textCentre = (left + right) / 2;
    const find = (text: string, pageNo = 1) => {
      const w = words.find((x) => x.text === text && x.page === pageNo);
      if (!w) throw new Error(`"${text}" not on page ${pageNo}: ${words.filter((x) => x.page === pageNo).slice(0, 40).map((x) => x.text).join(" ")}`);
      return w;
    };
    const ubnd = find("UBND");
    const agency = words.find((w) => w.page === 1 && w.text === "SỞ" && w.yMin > ubnd.yMin)!;
    const national = find("CỘNG");
    const motto = find("Độc");
    // Top of the first page; agency left of the middle, national heading right of it, side by side.
    for (const w of [ubnd, agency, national, motto]) expect(w.yMin).toBeLessThan(page.height * 0.15);
    expect(ubnd.xMax).toBeLessThan(textCentre);
    expect(agency.xMax).toBeLessThan(textCentre);
    expect(national.xMin).toBeGreaterThan(left + 70 * mm);
    expect(Math.abs(ubnd.yMin - national.yMin)).toBeLessThan(3);
    // Number and symbol left, place and date right, on one line below the heading.
    const number = find("Số:");
    const place = find("Quảng");
    expect(number.xMax).toBeLessThan(textCentre);
    expect(place.xMin).toBeGreaterThan(textCentre - 20);
    expect(Math.abs(number.yMin - place.yMin)).toBeLessThan(3);
    expect(number.yMin).toBeGreaterThan(motto.yMax);
    // The title, centred on the text area, below them.
    const title = words.filter((w) => w.page === 1 && (w.text === "BÁO" || w.text === "CÁO") && w.yMin > number.yMax);
    expect(title).toHaveLength(2);
    const titleCentre = (title[0]!.xMin + title[1]!.xMax) / 2;
    expect(Math.abs(titleCentre - textCentre)).toBeLessThan(6);
    // At the end: "Nơi nhận:" left, the signer's title right, on the last page.
    const last = pages.length;
    const recipients = find("Nơi", last);
    const signer = words.filter((w) => w.page === last && w.text === "GIÁM" && w.yMin >= recipients.yMin - 3).at(-1)!;
    expect(recipients.xMax).toBeLessThan(textCentre);
    expect(signer.xMin).toBeGreaterThan(textCentre);
    expect(Math.abs(signer.yMin - recipients.yMin)).toBeLessThan(3);
    // Nothing after the signature block but its note and the room to sign.
    const afterSigner = words.filter((w) => w.page === last && w.yMin > signer.yMax + 30 && w.xMin > textCentre);
    expect(afterSigner.map((w) => w.text).join(" ")).not.toMatch(/BÁO CÁO|KẾT QUẢ/);
  }, 300_000);
});

describe.skipIf(!hasPg)("on PostgreSQL", () => {
  let pg: TestDatabase;
  beforeAll(async () => {
    pg = await createTestDatabase({ provider: "postgres", now: vn("2026-12-15", "08:00") });
    await seedYear(pg.prisma);
  }, 120_000);
  afterAll(async () => pg?.drop());

  it.each(PERIODS)("%s: the same figures as on SQLite", async (key) => {
    const per = (await resolvePeriod(pg.prisma, key))!;
    const r = await generatePeriodReport(pg.prisma, per, { now: NOW, timeZone: TZ, actor: "test", actorStaffId: null, t });
    expect(r.report.entries).toEqual(generated.get(key)!.report.entries);
    expect(r.report.alerts.map((a) => [a.recipients, a.read, a.remediationHandled, a.remediationTotal])).toEqual(generated.get(key)!.report.alerts.map((a) => [a.recipients, a.read, a.remediationHandled, a.remediationTotal]));
  });

  it("two submissions of one unit at once get consecutive versions, none lost", async () => {
    const q3 = (await resolvePeriod(pg.prisma, "2027-Q3"))!;
    const unit = (await reportingUnits(pg.prisma)).find((u) => u.code === "QLKH")!;
    const head = await pg.prisma.staff.findUniqueOrThrow({ where: { code: "QL01" } });
    const who = { staffId: head.id, role: head.role, unitId: head.unitId, actor: "test" };
    const draft = await draftUnitReport(pg.prisma, unit, q3, NOW, TZ);
    const texts = (n: number) => ({ results: `Lần ${n}`, difficulties: null, proposals: null });
    const res = await Promise.all([1, 2, 3].map((n) => submitReport(pg.prisma, who, draft, texts(n), NOW)));
    expect(res.map((r) => (r.ok ? r.version : 0)).sort()).toEqual([1, 2, 3]);
    expect(await pg.prisma.reportSubmissionVersion.count({ where: { submission: { unitId: unit.id, periodKey: "2027-Q3" } } })).toBe(3);
  });
});

describe("npm run cli -- report", () => {
  let url: string;
  let out: string[];
  const cli = (args: string[]) => {
    out = [];
    return runCli(args, { env: { DATABASE_URL: url, DEFAULT_LOCALE: "vi", CLOCK_AT: "10/01/2028 09:00" }, out: (l) => out.push(l), err: (l) => out.push(l) });
  };
  beforeAll(async () => {
    url = db.url;
  });

  it("writes bao-cao-<period>.docx and .xlsx in the folder, and closes a period", async () => {
    const folder = path.join(dir, "cli");
    expect(await cli(["report", "--period", "2027-Q3", "--out", folder])).toBe(0);
    expect(out.join("\n")).toContain(`Đã ghi ${path.join(folder, "bao-cao-2027-Q3.docx")}`);
    const text = await docText(readFileSync(path.join(folder, "bao-cao-2027-Q3.docx")));
    expect(text).toContain("Kết quả triển khai ứng dụng công nghệ thông tin, phát triển chính quyền số và bảo đảm an toàn thông tin mạng quý III năm 2027");
    const wb = await workbook(readFileSync(path.join(folder, "bao-cao-2027-Q3.xlsx")));
    expect(wb.worksheets).toHaveLength(5);
    // Generated again: the same figures, and it says so.
    expect(await cli(["report", "--period", "2027-Q3", "--out", folder])).toBe(0);
    expect(out.join("\n")).toContain("Số liệu không thay đổi so với lần tạo trước (10/01/2028 09:00)");

    expect(await cli(["report", "--period", "2027-Q2", "--out", folder])).toBe(2);
    expect(out.join("\n")).toContain("Không có kỳ báo cáo «2027-Q2»");

    expect(await cli(["report", "close", "2027-Q3"])).toBe(0);
    expect(out.join("\n")).toContain("Đã khoá kỳ 2027-Q3");
    expect(await cli(["report", "close", "2027-Q3"])).toBe(0);
    expect(out.join("\n")).toContain("đã được khoá trước đó");
    expect(await p.auditLog.count({ where: { action: "report.close", target: "2027-Q3" } })).toBe(1);
  });
});
