// The indicators service, its CLI and its chart: measured values equal direct counts on seeded
// data; entered values are validated (every bad field reported, nothing written), refused for
// a chuyên viên and audited, the latest entry counting; the CLI's `indicators set` and `list`
// call the same service; the chart is a real PNG of a phone's width with ink in several
// colours, and its text is set in the shipped font (the SVG names it; resvg loads only it).
import { readFileSync, writeFileSync } from "node:fs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { createVietnamWorkingCalendar } from "../../bot/services/calendar/index.js";
import { type ChartInput, indicatorChartSvg, renderIndicatorChart } from "../../bot/services/indicators/chart.js";
import { indicatorsChart } from "../../bot/services/indicators/format.js";
import { indicatorReport } from "../../bot/services/indicators/report.js";
import { setIndicatorValue } from "../../bot/services/indicators/values.js";
import { createI18n, translator } from "../../bot/i18n.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { vn } from "../helpers/jobs.js";

const TZ = "Asia/Ho_Chi_Minh";
const NOW = vn("2027-04-20", "10:00"); // after quarter I
const calendar = createVietnamWorkingCalendar();
let tdb: TestDatabase;
const office = { actor: "telegram:1", staffId: 1, role: "van_phong" };
const chuyenVien = { actor: "telegram:2", staffId: 2, role: "chuyen_vien" };
const good = { period: "2027-Q1", key: "dvc_muc_3_4", value: "32,5%", source: "Cổng dịch vụ công tỉnh", date: "31/03/2027" };

beforeAll(async () => {
  tdb = await createTestDatabase();
  await loadDemoStaff(tdb.prisma);
  const unit = await tdb.prisma.unit.findUniqueOrThrow({ where: { code: "QLKH" } });
  const d = (code: string, status: string, returned: string, received = "2027-01-05") =>
    tdb.prisma.dossier.create({
      data: { code, procedureName: "TT", applicant: "A", unitId: unit.id, receivedAt: vn(received, "09:00"), dueAt: vn("2027-02-26", "17:00"), status, returnedAt: vn(returned, "10:00") },
    });
  await d("A1", "da_tra_dung_han", "2027-02-01");
  await d("A2", "da_tra_dung_han", "2027-03-01");
  await d("A3", "da_tra_tre_han", "2027-03-30");
  await d("A4", "da_tra_tre_han", "2027-04-02"); // returned after the quarter: not in it
  const staff = await tdb.prisma.staff.findMany();
  const alert = await tdb.prisma.securityAlert.create({
    data: { severity: "cao", title: "T", body: "B", status: "sent", sentAt: vn("2027-02-02", "09:00"), recipients: { create: staff.map((s) => ({ staffId: s.id, unitId: s.unitId })) } },
    include: { recipients: true },
  });
  for (const r of alert.recipients.slice(0, 3)) await tdb.prisma.alertRecipient.update({ where: { id: r.id }, data: { ackAt: vn("2027-02-02", "10:00") } });
}, 60_000);
afterAll(async () => tdb?.drop());

const deps = () => ({ db: tdb.prisma, timeZone: TZ, calendar });
const viewer = { staffId: 1, role: "chuyen_vien", unitId: 1 };

describe("measured indicators", () => {
  it("equal direct counts on the seeded data", async () => {
    const res = await indicatorReport(deps(), viewer, { period: "2027-Q1", now: NOW });
    if (!res.ok) throw new Error(res.reason);
    const row = (key: string) => res.report.rows.find((r) => r.indicator.key === key)!;
    const start = vn("2027-01-01", "00:00");
    const end = vn("2027-04-01", "00:00");
    const returned = { returnedAt: { gte: start, lt: end } };
    const onTime = await tdb.prisma.dossier.count({ where: { status: "da_tra_dung_han", ...returned } });
    const late = await tdb.prisma.dossier.count({ where: { status: "da_tra_tre_han", ...returned } });
    expect(row("ho_so_dung_han").ratio).toEqual({ numerator: onTime, denominator: onTime + late });
    expect(row("ho_so_dung_han").ratio).toEqual({ numerator: 2, denominator: 3 });
    expect(row("ho_so_dung_han").met).toBe(false);
    const recipients = await tdb.prisma.alertRecipient.count();
    const read = await tdb.prisma.alertRecipient.count({ where: { ackAt: { not: null } } });
    expect(row("canh_bao_da_doc").ratio).toEqual({ numerator: read, denominator: recipients });
    expect(row("canh_bao_da_doc").percent).toBeCloseTo((100 * 3) / recipients, 10);
    const tasks = await tdb.prisma.task.count();
    expect(row("nhiem_vu_hoan_thanh").ratio).toEqual({ numerator: 0, denominator: tasks });
    // Nothing asked for remediation: no figure, not 0%.
    expect(row("canh_bao_khac_phuc").percent).toBeNull();
  });

  it("a chuyên viên cannot open a unit's page; a head only their own", async () => {
    const qlkh = (await tdb.prisma.unit.findUniqueOrThrow({ where: { code: "QLKH" } })).id;
    const vp = (await tdb.prisma.unit.findUniqueOrThrow({ where: { code: "VP" } })).id;
    expect(await indicatorReport(deps(), { ...viewer, unitId: qlkh }, { unitId: qlkh, now: NOW })).toEqual({ ok: false, reason: "forbidden" });
    const head = { staffId: 5, role: "truong_phong", unitId: qlkh };
    expect((await indicatorReport(deps(), head, { unitId: qlkh, period: "2027-Q1", now: NOW })).ok).toBe(true);
    expect(await indicatorReport(deps(), head, { unitId: vp, now: NOW })).toEqual({ ok: false, reason: "forbidden" });
    expect(await indicatorReport(deps(), viewer, { period: "2027-Q4", now: NOW })).toEqual({ ok: false, reason: "unknownPeriod" });
  });
});

describe("entered indicators", () => {
  it("are refused for a chuyên viên, audited, and nothing is written", async () => {
    expect(await setIndicatorValue(tdb.prisma, chuyenVien, good, NOW, TZ)).toEqual({ status: "denied" });
    expect(await tdb.prisma.indicatorValue.count()).toBe(0);
    expect(await tdb.prisma.auditLog.count({ where: { action: "indicator.set", outcome: "denied", actorStaffId: 2 } })).toBe(1);
  });

  it("report every bad field and write nothing", async () => {
    const res = await setIndicatorValue(tdb.prisma, office, { period: "2027-Q2", key: "ho_so_dung_han", value: "x", source: "  ", date: "32/13/2027" }, NOW, TZ);
    expect(res.status === "invalid" && res.errors.map((e) => e.code)).toEqual(["unknownPeriod", "measuredKey", "sourceEmpty", "badDate"]);
    for (const [field, value, code] of [
      ["value", "101", "badPercent"],
      ["value", "-1", "badPercent"],
      ["value", "12,345", "badPercent"],
      ["source", "x".repeat(201), "sourceTooLong"],
      ["source", "Nguồn\u202Egiả", "sourceFault"],
      ["date", "21/04/2027", "dateFuture"],
      ["key", "khong_co", "unknownKey"],
    ] as const) {
      const r = await setIndicatorValue(tdb.prisma, office, { ...good, [field]: value }, NOW, TZ);
      expect(r.status === "invalid" && r.errors.map((e) => e.code), `${field}=${value}`).toEqual([code]);
    }
    const units = await tdb.prisma.unit.count({ where: { active: true, kind: "internal" } });
    const count = await setIndicatorValue(tdb.prisma, office, { ...good, key: "he_thong_dung_chung", value: String(units + 1) }, NOW, TZ);
    expect(count.status === "invalid" && count.errors).toEqual([{ code: "badCount", params: { value: String(units + 1), max: units } }]);
    expect(await tdb.prisma.indicatorValue.count()).toBe(0);
    expect(await tdb.prisma.auditLog.count({ where: { action: "indicator.set", outcome: "failed" } })).toBe(9);
  });

  it("the latest entry counts, every entry is kept, each audited", async () => {
    const first = await setIndicatorValue(tdb.prisma, office, good, NOW, TZ);
    expect(first).toMatchObject({ status: "saved", value: { value: 32.5, sourceDate: "2027-03-31" }, previous: null });
    const later = new Date(NOW.getTime() + 60_000);
    const second = await setIndicatorValue(tdb.prisma, office, { ...good, value: "28", source: "Báo cáo của Trung tâm Phục vụ hành chính công" }, later, TZ);
    expect(second).toMatchObject({ status: "saved", value: { value: 28 }, previous: { value: 32.5 } });
    expect(await tdb.prisma.indicatorValue.count()).toBe(2);
    const res = await indicatorReport(deps(), viewer, { period: "2027-Q1", now: later });
    const row = res.ok ? res.report.rows.find((r) => r.indicator.key === "dvc_muc_3_4")! : null;
    expect(row).toMatchObject({ percent: 28, met: false, entered: { source: "Báo cáo của Trung tâm Phục vụ hành chính công" } });
    expect(await tdb.prisma.auditLog.count({ where: { action: "indicator.set", outcome: "ok" } })).toBe(2);
  });
});

describe("the CLI", () => {
  it("indicators set and list call the same service", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { env: { DATABASE_URL: tdb.url, DEFAULT_LOCALE: "vi" }, out: (l: string) => out.push(l), err: (l: string) => err.push(l), now: () => NOW };
    const set = ["indicators", "set", "--period", "2027-Q1", "--key", "van_ban_dien_tu", "--source", "Hệ thống iOffice", "--date", "31/03/2027"];
    expect(await runCli([...set, "--value", "-5"], io)).toBe(1);
    expect(err.join("\n")).toContain("“-5” không phải tỷ lệ phần trăm");
    expect(err.join("\n")).toContain("Không ghi gì.");
    expect(await tdb.prisma.indicatorValue.count({ where: { key: "van_ban_dien_tu" } })).toBe(0);
    expect(await runCli(["indicators", "set", "--period", "2027-Q1"], io)).toBe(2);
    expect(err.join("\n")).toContain("Thiếu --key.");
    expect(await runCli([...set, "--value", "96,5"], io)).toBe(0);
    expect(out.join("\n")).toContain("Đã lưu van_ban_dien_tu kỳ 2027-Q1: 96,5% (nguồn: Hệ thống iOffice, ngày 31/03/2027).");
    const row = await tdb.prisma.indicatorValue.findFirstOrThrow({ where: { key: "van_ban_dien_tu" } });
    expect(row).toMatchObject({ value: 96.5, enteredBy: expect.stringMatching(/^cli:/), enteredById: null });
    out.length = 0;
    expect(await runCli(["indicators", "list", "--period", "2027-Q1"], io)).toBe(0);
    const listed = out.join("\n");
    expect(listed).toContain("Chỉ số kỳ 2027-Q1 (01/01/2027–31/03/2027), số liệu đến 31/03/2027:");
    expect(listed).toContain("ho_so_dung_han · Hồ sơ TTHC giải quyết đúng hạn: 66,7% (2/3) — mục tiêu 100% ⚠️ chưa đạt");
    expect(listed).toContain("van_ban_dien_tu · Văn bản trao đổi trên môi trường mạng: 96,5% — mục tiêu 100% ⚠️ chưa đạt");
    expect(listed).toContain("Nguồn: Hệ thống iOffice, số liệu ngày 31/03/2027");
    expect(await runCli(["indicators", "nope"], io)).toBe(2);
  });
});

describe("the chart", () => {
  it("is a PNG a phone shows well, not blank, in several colours, with Vietnamese text in the shipped font", async () => {
    const res = await indicatorReport(deps(), viewer, { period: "2027-Q1", now: NOW });
    if (!res.ok) throw new Error(res.reason);
    const env = { t: translator(createI18n("vi"), "vi"), locale: "vi" as const, timeZone: TZ, now: NOW };
    const input = indicatorsChart(env, res.report);
    const bytes = renderIndicatorChart(input);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(bytes.length).toBeLessThan(2_000_000);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBe(1080);
    expect(png.height).toBeGreaterThan(900);
    let ink = 0;
    const colours = new Map<string, number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (r < 245 || g < 245 || b < 245) ink++;
      const k = `${r >> 5},${g >> 5},${b >> 5}`;
      colours.set(k, (colours.get(k) ?? 0) + 1);
    }
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.03);
    // The bars' colours, not only anti-aliasing: several colours with thousands of pixels each.
    expect([...colours.values()].filter((n) => n > 2000).length).toBeGreaterThanOrEqual(4);
    const { svg } = indicatorChartSvg(input);
    expect(svg).toContain("Be Vietnam Pro");
    // Labels wrap over lines; the title is one, with its diacritics as typed (NFC).
    expect(svg).toContain("Chỉ số kế hoạch CNTT — Quý I/2027");
    expect(svg).toContain("Hồ sơ TTHC");
    expect(svg).toContain("66,7% (2/3)");
  });

  // The README shows test/fixtures/indicators/sample-chart.png: it must be what the renderer
  // draws today for the sample's input (UPDATE_SAMPLE_CHART=1 writes it again).
  it("the README's sample is what the renderer draws for the sample input", () => {
    const dir = new URL("../fixtures/indicators/", import.meta.url);
    const input = JSON.parse(readFileSync(new URL("sample-chart.json", dir), "utf8")) as ChartInput;
    const drawn = renderIndicatorChart(input);
    if (process.env.UPDATE_SAMPLE_CHART === "1") writeFileSync(new URL("sample-chart.png", dir), drawn);
    const a = PNG.sync.read(drawn);
    const b = PNG.sync.read(readFileSync(new URL("sample-chart.png", dir)));
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    let differ = 0;
    for (let i = 0; i < a.data.length; i += 4) if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 48) differ++;
    expect(differ / (a.width * a.height)).toBeLessThan(0.005);
  });
});
