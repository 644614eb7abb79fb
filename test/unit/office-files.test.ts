// The services behind /nhap, /mau, /moi and phone binding, on real SQLite and PostgreSQL
// databases, and their CLI counterparts: templates recognised and accepted by the same
// checks, the invite sheet per unit, phone binding's refusals (off, someone else's card,
// a number of two people, an inactive person).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../bot/cli/run.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { inviteSheet, qrPng } from "../../bot/services/invite-sheet.js";
import { detectKind, IMPORT_KINDS, kindFromWord } from "../../bot/services/office-import/kinds.js";
import { applyOfficeImport, planOfficeImport } from "../../bot/services/office-import/plan.js";
import { templateWorkbook } from "../../bot/services/office-import/templates.js";
import { bindByPhone } from "../../bot/services/phone-binding.js";
import { getSetting, setSetting } from "../../bot/services/settings.js";
import { openDatabase } from "../../bot/db/client.js";
import { createTestDatabase, createTestDatabaseUrl, pgAvailable, type TestDatabase } from "../helpers/db.js";

const NOW = new Date("2026-12-01T02:00:00Z");
const TZ = "Asia/Ho_Chi_Minh";
const hasPg = await pgAvailable();

for (const provider of ["sqlite", "postgres"] as const) {
  describe.skipIf(provider === "postgres" && !hasPg)(`office files on ${provider}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase({ provider });
      await loadDemoStaff(t.prisma);
    });
    afterAll(async () => t?.drop());

    it("each template is recognised by its headers and passes the same checks as an import", async () => {
      for (const kind of IMPORT_KINDS) {
        const input = { buffer: await templateWorkbook(t.prisma, kind, { now: NOW, timeZone: TZ }), fileName: `${kind}.xlsx` };
        expect(await detectKind(input), kind).toEqual({ kind });
        const plan = await planOfficeImport({ db: t.prisma, timeZone: TZ, now: NOW }, kind, input);
        expect(plan.problems, kind).toEqual([]);
        expect(plan.counts.added, kind).toBe(1);
      }
    });

    it("a file whose headers fit no kind: every kind is offered; an unreadable file: its problem", async () => {
      expect(await detectKind({ buffer: Buffer.from("a,b\n1,2\n"), fileName: "x.csv" })).toEqual({ kind: undefined, candidates: [...IMPORT_KINDS] });
      const broken = await detectKind({ buffer: Buffer.from("PK\u0003\u0004 not a zip"), fileName: "x.xlsx" });
      expect("problems" in broken && broken.problems[0]!.code).toMatch(/^file\./);
      // Staff headers but the unit column missing: staff is the likeliest, asked first.
      const partial = await detectKind({ buffer: Buffer.from("Mã cán bộ,Họ và tên\nX1,Tên\n"), fileName: "x.csv" });
      expect(partial).toEqual({ kind: undefined, candidates: ["staff"] });
    });

    it("an applied import is audited with its counts and where it came from", async () => {
      const env = { db: t.prisma, timeZone: TZ, now: NOW };
      const input = { buffer: await templateWorkbook(t.prisma, "holidays", { now: NOW, timeZone: TZ }), fileName: "lich.xlsx" };
      const plan = await planOfficeImport(env, "holidays", input);
      const counts = await applyOfficeImport(env, plan, { actor: "telegram:1", actorStaffId: null, deactivateMissing: false, via: "chat", fileName: "lich.xlsx" });
      expect(counts).toMatchObject({ rows: 1, added: 1 });
      const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "import.file" } });
      expect(JSON.parse(entry.details!)).toMatchObject({ via: "chat", fileName: "lich.xlsx", rows: 1, added: 1 });
      expect(await t.prisma.auditLog.count({ where: { action: "calendar.import" } })).toBe(1);
    });

    it("the invite sheet: one row, link and QR picture per unbound person of the unit; earlier invites void", async () => {
      const unit = await t.prisma.unit.findUniqueOrThrow({ where: { code: "QLKH" } });
      const first = await inviteSheet(t.prisma, { unitId: unit.id, ttlHours: 72, now: NOW, actor: "test", timeZone: TZ, link: (c) => `https://t.me/so_bot?start=${c}` });
      expect(first.people).toBe(2);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(first.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getImages()).toHaveLength(2);
      expect(String(ws.getCell("A2").value)).toBe("QL01");
      expect(JSON.stringify(ws.getCell("F2").value)).toMatch(/https:\/\/t\.me\/so_bot\?start=[A-Za-z0-9_-]{32}/);
      // Each row's picture is the PNG of that row's own link, byte for byte as exceljs reads it back.
      const links = ["F2", "F3"].map((ref) => {
        const cell = ws.getCell(ref).value;
        return cell !== null && typeof cell === "object" && "hyperlink" in cell ? cell.hyperlink : "";
      });
      const pictures = ws.getImages().map((img) => Buffer.from(wb.getImage(Number(img.imageId)).buffer!));
      expect(pictures).toEqual(await Promise.all(links.map((l) => qrPng(l))));
      await inviteSheet(t.prisma, { unitId: unit.id, ttlHours: 72, now: NOW, actor: "test", timeZone: TZ, link: undefined });
      const qlkh = { staff: { unitId: unit.id } };
      expect(await t.prisma.invite.count({ where: { ...qlkh, revokedAt: null } })).toBe(2);
      expect(await t.prisma.invite.count({ where: { ...qlkh, revokedAt: { not: null } } })).toBe(2);
    });

    it("phone binding: off by default; then only the owner's card, one active match", async () => {
      const who = (id: string) => ({ platform: "telegram", externalId: id, chatId: id });
      expect(await getSetting(t.prisma, "binding.phoneSelfService")).toBe(false);
      expect(await bindByPhone(t.prisma, { userId: "501", phone: "0905000001" }, who("501"), NOW)).toEqual({ ok: false, reason: "disabled" });
      expect(await setSetting(t.prisma, "binding.phoneSelfService", "có thể", "test", NOW)).toMatchObject({ ok: false });
      expect(await setSetting(t.prisma, "binding.phoneSelfService", "bật", "test", NOW)).toEqual({ ok: true, value: "bật" });
      await t.prisma.staff.update({ where: { code: "CS01" }, data: { phone: "0905000001" } });
      await t.prisma.staff.update({ where: { code: "CS02" }, data: { phone: "0905000002" } });
      await t.prisma.staff.update({ where: { code: "GD01" }, data: { phone: "0905000002" } });
      await t.prisma.staff.update({ where: { code: "VP02" }, data: { phone: "0905000003", active: false } });
      expect(await bindByPhone(t.prisma, { userId: "999", phone: "0905000001" }, who("501"), NOW)).toEqual({ ok: false, reason: "notOwnContact" });
      expect(await bindByPhone(t.prisma, { userId: null, phone: "0905000001" }, who("502"), NOW)).toEqual({ ok: false, reason: "notOwnContact" });
      expect(await bindByPhone(t.prisma, { userId: "503", phone: "+84905000002" }, who("503"), NOW)).toEqual({ ok: false, reason: "ambiguous" });
      expect(await bindByPhone(t.prisma, { userId: "504", phone: "84905000003" }, who("504"), NOW)).toEqual({ ok: false, reason: "noMatch" });
      expect(await bindByPhone(t.prisma, { userId: "505", phone: "84905000001" }, who("505"), NOW)).toMatchObject({ ok: true, alreadyBound: false });
      const account = await t.prisma.chatAccount.findUniqueOrThrow({ where: { platform_externalId: { platform: "telegram", externalId: "505" } }, include: { staff: true } });
      expect(account.staff.code).toBe("CS01");
      expect(await bindByPhone(t.prisma, { userId: "505", phone: "0905000001" }, who("505"), NOW)).toMatchObject({ ok: true, alreadyBound: true });
      // Four failures from 501 would lock it out: the same lock-out as wrong invites.
      for (let i = 0; i < 3; i++) await bindByPhone(t.prisma, { userId: "999", phone: "0905000001" }, who("501"), NOW);
      expect(await bindByPhone(t.prisma, { userId: "501", phone: "0905000001" }, who("501"), NOW)).toMatchObject({ ok: false, reason: "throttled" });
    });
  });
}

describe("CLI counterparts", () => {
  let t: { url: string; drop: () => Promise<void> };
  const dir = mkdtempSync(path.join(tmpdir(), "office-cli-"));
  const out: string[] = [];
  const err: string[] = [];
  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, { env: { DATABASE_URL: t.url, DEFAULT_LOCALE: "vi", ...env }, out: (l) => out.push(l), err: (l) => err.push(l), now: () => NOW });
  beforeAll(async () => {
    t = await createTestDatabaseUrl("sqlite");
    expect(await cli(["units"])).toBe(0); // creates, migrates and seeds the database
    const db = await openDatabase(t.url);
    await loadDemoStaff(db.prisma);
    await db.close();
  });
  afterAll(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("`template KIND --out` writes /mau's spreadsheet, which `import` accepts", async () => {
    const file = path.join(dir, "mau.xlsx");
    expect(await cli(["template", "canbo", "--out", file])).toBe(0);
    expect(await cli(["import", "staff", file, "--dry-run"])).toBe(0);
    expect(out.join("\n")).toMatch(/1/);
    expect(await cli(["template", "xyz", "--out", file])).toBe(2);
    expect(err.join("\n")).toContain("staff, tasks, dossiers, holidays");
    expect(kindFromWord("Hồ sơ")).toBe("dossiers");
  });

  it("`invite-sheet --unit --out` writes the sheet /moi don-vi sends, with deep links when the bot's name is known", async () => {
    const file = path.join(dir, "moi.xlsx");
    expect(await cli(["invite-sheet", "--unit", "KHTC", "--out", file], { BOT_USERNAME: "so_khcn_bot" })).toBe(0);
    expect(out.at(-1)).toContain("2 người");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(JSON.stringify(wb.worksheets[0]!.getCell("F2").value)).toContain("https://t.me/so_khcn_bot?start=");
    expect(await cli(["invite-sheet", "--unit", "Không Có", "--out", file])).toBe(1);
    expect(await cli(["invite-sheet"])).toBe(2);
  });
});
