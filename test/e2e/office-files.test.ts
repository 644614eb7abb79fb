// Issue 15, items 1 and 2, end to end through the fake Bot API: the office sends spreadsheets
// in the chat (preview, problems file, "Nhập"), /mau templates, /moi invites and the invite
// sheet (opened with LibreOffice), phone self-binding, and a chuyên viên refused.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setSetting } from "../../bot/services/settings.js";
import type { TgMessage, TgUser } from "../fake-telegram/types.js";
import { buttons, E2E, textOf } from "../helpers/e2e.js";
import { convertWithLibreOffice, onPath } from "../helpers/office-files.js";
import { STAFF_HEADERS, staffSheet } from "../helpers/staff-sheet.js";

const HEADERS = STAFF_HEADERS;
const GOOD: string[][] = [
  ["VP01", "Nguyễn Thị Lan", "VP", "Văn phòng", "", ""],
  ["QL01", "Võ Quốc Bảo", "QLKH", "Trưởng phòng", "", ""],
  ["QL03", "Trương Văn Nam", "QLKH", "Chuyên viên", "nam.tv@example.gov.vn", "0905 111 222"],
  ["QL04", "Lý Thị Hoa", "QLKH", "Chuyên viên", "", "+84905333444"],
  ["KH03", "Mai Văn Long", "KHTC", "Chuyên viên", "", ""],
];

const xlsx = staffSheet;

async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? "" : typeof v === "object" && "text" in (v as object) ? String((v as { text: string }).text) : String(v)))));
  return out;
}

const fileOf = (e2e: E2E, m: TgMessage) => e2e.tg.file(m.document!.file_id)!.content;
const docs = (ms: TgMessage[]) => ms.filter((m) => m.document);
const audits = (e2e: E2E, action: string) => e2e.db.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

let e2e: E2E;
let office: TgUser;
const dir = mkdtempSync(path.join(tmpdir(), "office-files-"));

beforeAll(async () => {
  e2e = await E2E.start();
  office = await e2e.login("VP01");
});
afterAll(async () => {
  await e2e?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("a staff spreadsheet sent in the chat", () => {
  it("with 3 bad rows: a preview naming rows and columns, a problems file, nothing written", async () => {
    const before = await e2e.db.staff.count();
    const bad = [...GOOD.slice(0, 2), ["QL03", "Trương Văn Nam", "Phòng Không Có", "Chuyên viên", "", ""], ["QL04", "", "QLKH", "", "", ""], ["KH03", "Mai Văn Long", "KHTC", "Chuyên viên", "", "12345"]];
    const replies = await e2e.sendDocument(office, { fileName: "can-bo.xlsx", content: await xlsx(bad) });
    const text = replies.map(textOf).join("\n");
    expect(text).toContain("3 lỗi");
    expect(text).toContain("chưa có gì được ghi");
    // Spreadsheet rows: the title is row 1, the header row 2, data from row 3.
    expect(text).toContain("Dòng 5, cột “Đơn vị”");
    expect(text).toContain("Dòng 6, cột “Họ và tên”");
    expect(text).toContain("Dòng 7, cột “Điện thoại”");
    const [problems] = docs(replies);
    expect(problems?.document?.file_name).toBe("loi-can-bo.xlsx");
    const rows = await sheetRows(fileOf(e2e, problems!));
    expect(rows[0]).toEqual(["Dòng", ...HEADERS, "Lỗi"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["5", "6", "7"]);
    expect(rows[1]![3]).toBe("Phòng Không Có");
    expect(rows[3]!.at(-1)).toContain("12345");
    expect(await e2e.db.staff.count()).toBe(before);
    const [preview] = await audits(e2e, "import.preview");
    expect(preview).toMatchObject({ outcome: "failed", actor: `telegram:${office.id}` });
    expect(JSON.parse(preview!.details!)).toMatchObject({ problems: 3, fileName: "can-bo.xlsx" });
  });

  it("many long problems: one message within Telegram's limit, every problem in the file", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`X${i + 10}`, `Người Thứ ${i + 10}`, `Phòng Không Có ${i}`, "", "", ""]);
    const replies = await e2e.sendDocument(office, { fileName: "dai.xlsx", content: await xlsx(rows) });
    const [message] = replies.filter((m) => !m.document);
    expect(textOf(message)).toContain("30 lỗi");
    expect(textOf(message).length).toBeLessThanOrEqual(4096);
    expect(textOf(message)).toMatch(/… và \d+ lỗi khác\./);
    expect(await sheetRows(fileOf(e2e, docs(replies)[0]!))).toHaveLength(31);
  });

  it("the fixed file: a preview with its counts, written only after “Nhập”, audited with its counts", async () => {
    const replies = await e2e.sendDocument(office, { fileName: "can-bo.xlsx", content: await xlsx(GOOD) });
    const preview = replies.at(-1)!;
    const text = textOf(preview);
    expect(text).toContain("Xem trước: Danh sách cán bộ");
    expect(text).toContain("Thêm mới: 3");
    expect(text).toContain("Cập nhật: 0");
    expect(text).toContain("Không đổi: 2");
    expect(await e2e.db.staff.findUnique({ where: { code: "QL03" } })).toBeNull();
    // The other demo staff are not in the file: offered, never done by default.
    expect(buttons(preview).map((b) => b.text)).toContain("Nhập và ngừng hoạt động 8 người vắng");
    const { messages } = await e2e.pressLabel(office, preview, "✅ Nhập");
    expect(textOf(messages.at(-1))).toContain("Đã nhập Danh sách cán bộ: 5 dòng (thêm mới 3, cập nhật 0, không đổi 2).");
    const ql03 = await e2e.db.staff.findUniqueOrThrow({ where: { code: "QL03" } });
    expect(ql03).toMatchObject({ fullName: "Trương Văn Nam", phone: "0905111222", role: "chuyen_vien", active: true });
    expect(await e2e.db.staff.count({ where: { active: true } })).toBe(13);
    const [entry] = await audits(e2e, "import.file");
    expect(JSON.parse(entry!.details!)).toMatchObject({ via: "chat", rows: 5, added: 3, deactivated: 0 });
    expect((await audits(e2e, "staff.import")).length).toBe(1);
    // The flow is over: pressing "Nhập" again writes nothing more.
    const again = await e2e.press(office, preview, buttons(preview).find((b) => b.text === "✅ Nhập")!.data!, { forge: true });
    expect(again.answer?.text).toContain("không hợp lệ");
    expect((await audits(e2e, "import.file")).length).toBe(1);
  });

  it("a file that is not recognised: the bot asks which kind, then names the missing columns", async () => {
    const csv = Buffer.from("Cột A,Cột B\n1,2\n", "utf8");
    const [ask] = await e2e.sendDocument(office, { fileName: "la.csv", content: csv });
    expect(textOf(ask)).toContain("chưa nhận ra bảng tính");
    expect(buttons(ask!).map((b) => b.text)).toEqual(["Danh sách cán bộ", "Nhiệm vụ kế hoạch", "Hồ sơ một cửa", "Lịch nghỉ lễ, làm bù", "Hủy"]);
    const { messages } = await e2e.pressLabel(office, ask!, "Lịch nghỉ lễ");
    const text = messages.map(textOf).join("\n");
    expect(text).toContain("chưa có gì được ghi");
    expect(text).toMatch(/Không tìm thấy dòng tiêu đề|thiếu cột bắt buộc/);
  });

  it("a chuyên viên sending a spreadsheet is refused, and the refusal is audited", async () => {
    const staff = await e2e.login("KH02");
    const [reply] = await e2e.sendDocument(staff, { fileName: "can-bo.xlsx", content: await xlsx(GOOD) });
    expect(textOf(reply)).toContain("không có quyền");
    const denied = await e2e.db.auditLog.findMany({ where: { action: "command.nhap", outcome: "denied", actor: `telegram:${staff.id}` } });
    expect(denied).toHaveLength(1);
    expect(await e2e.db.auditLog.count({ where: { action: "import.preview", actor: `telegram:${staff.id}` } })).toBe(0);
  });
});

describe("/mau templates", () => {
  it("gives each kind's template; sent back, the template is recognised and passes the checks", async () => {
    for (const [word, kind] of [["canbo", "Danh sách cán bộ"], ["nhiemvu", "Nhiệm vụ kế hoạch"], ["hoso", "Hồ sơ một cửa"], ["lich", "Lịch nghỉ lễ, làm bù"]] as const) {
      const replies = await e2e.say(office, `/mau ${word}`);
      const [doc] = docs(replies);
      expect(doc, word).toBeDefined();
      const back = await e2e.sendDocument(office, { fileName: doc!.document!.file_name!, content: fileOf(e2e, doc!) });
      const text = textOf(back.at(-1));
      expect(text, word).toContain(`Xem trước: ${kind}`);
      expect(text, word).toContain("Thêm mới: 1");
      await e2e.pressLabel(office, back.at(-1)!, "Hủy");
    }
  });
});

describe("/moi invites", () => {
  it("/moi CODE gives one person's deep link and its QR code", async () => {
    const replies = await e2e.say(office, "/moi QL03");
    const text = replies.map(textOf).join("\n");
    const link = /https:\/\/t\.me\/\w+\?start=([A-Za-z0-9_-]{32})/.exec(text);
    expect(link).not.toBeNull();
    const png = fileOf(e2e, docs(replies)[0]!);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // The link binds the person (the invite in it is real).
    const nam = e2e.stranger({ firstName: "Nam" });
    e2e.tg.startBot(nam, link![1]);
    await e2e.handled(e2e.tg.updates.at(-1)!.update_id);
    expect(await e2e.db.chatAccount.count({ where: { externalId: String(nam.id), active: true, staff: { code: "QL03" } } })).toBe(1);
    // Invite codes never reach the logs.
    expect(e2e.logLines.join("\n")).not.toContain(link![1]);
  });

  it("/moi don-vi QLKH: an invite sheet that opens in LibreOffice with one link per unbound person", async () => {
    const replies = await e2e.say(office, "/moi don-vi QLKH");
    const [doc] = docs(replies);
    expect(textOf(doc)).toContain("3 người chưa gắn tài khoản");
    const name = "moi-qlkh.xlsx";
    writeFileSync(path.join(dir, name), fileOf(e2e, doc!));
    // In the sheet as exceljs wrote it: one QR picture per person.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileOf(e2e, doc!) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getImages()).toHaveLength(3);
    if (!onPath("soffice")) return; // .ci/run installs libreoffice-calc-nogui
    await convertWithLibreOffice(dir, [name], "csv:Text - txt - csv (StarCalc):44,34,76");
    const csv = readFileSync(path.join(dir, "moi-qlkh.csv"), "utf8");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain("Đường link mời");
    const links = [...csv.matchAll(/https:\/\/t\.me\/\w+\?start=[A-Za-z0-9_-]{32}/g)].map((m) => m[0]);
    expect(links).toHaveLength(3);
    expect(new Set(links).size).toBe(3);
    // QL01, QL02 (demo staff, never bound here) and QL04 (imported above); QL03 bound through /moi.
    for (const code of ["QL01", "QL02", "QL04"]) expect(csv).toContain(code);
    expect(csv).not.toContain("QL03");
    // Printed: the three QR codes are pictures on the page.
    if (!onPath("pdfimages")) return;
    await convertWithLibreOffice(dir, [name], "pdf");
    const list = spawnSync("pdfimages", ["-list", path.join(dir, "moi-qlkh.pdf")], { encoding: "utf8" }).stdout;
    const pictures = list.trim().split("\n").slice(2).filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l));
    expect(pictures, list).toHaveLength(3);
    // One page wide (landscape, fitted): each row prints with its QR code beside the name.
    expect(new Set(pictures.map((l) => l.trim().split(/\s+/)[0])), list).toEqual(new Set(["1"]));
  }, 300_000);

  it("“Tạo mã mời” for the whole department gives a sheet of every unbound person", async () => {
    const [menu] = await e2e.say(office, "/moi");
    const { messages } = await e2e.pressLabel(office, menu!, "Tạo mã mời");
    const [doc] = docs(messages);
    const rows = await sheetRows(fileOf(e2e, doc!));
    const unbound = await e2e.db.staff.count({ where: { active: true, accounts: { none: { active: true } } } });
    expect(rows.length - 1).toBe(unbound);
    expect(rows.slice(1).every((r) => /^https:\/\/t\.me\/\w+\?start=/.test(r[5]!))).toBe(true);
    expect(JSON.parse((await audits(e2e, "invite.sheet")).at(-1)!.details!)).toMatchObject({ people: unbound });
  });
});

describe("phone self-binding", () => {
  it("is off by default: /start without an invite explains the invite path", async () => {
    const [reply] = await e2e.say(e2e.stranger(), "/start");
    expect(textOf(reply)).toContain("mã mời");
    const last = e2e.tg.callsTo("sendMessage").at(-1)!;
    expect(JSON.stringify(last.params)).not.toContain("request_contact");
  });

  it("on: binds the owner of the number, refuses a forwarded contact", async () => {
    await setSetting(e2e.db, "binding.phoneSelfService", "bật", "e2e", e2e.now());
    const hoa = e2e.stranger({ firstName: "Hoa" });
    const [offer] = await e2e.say(hoa, "/start");
    expect(textOf(offer)).toContain("Chia sẻ số điện thoại");
    const sent = e2e.tg.callsTo("sendMessage").at(-1)!;
    expect(JSON.stringify(sent.params)).toContain('"request_contact":true');

    // Someone else's card (forwarded from the address book): refused, nothing bound.
    const [refused] = await e2e.shareContact(hoa, { phone_number: "84905333444", first_name: "Hoa", user_id: 123456 });
    expect(textOf(refused)).toContain("không phải số điện thoại của chính tài khoản này");
    expect(await e2e.db.chatAccount.count({ where: { externalId: String(hoa.id) } })).toBe(0);
    const denied = await e2e.db.auditLog.findMany({ where: { action: "account.bind", outcome: "denied", actor: `telegram:${hoa.id}` } });
    expect(JSON.parse(denied.at(-1)!.details!)).toMatchObject({ reason: "phone.notOwnContact" });

    // Her own card, shared with the button: bound to QL04, whose number it is.
    const [bound] = await e2e.shareContact(hoa, { phone_number: "84905333444", first_name: "Hoa", user_id: hoa.id });
    expect(textOf(bound)).toContain("Lý Thị Hoa");
    expect(await e2e.db.chatAccount.count({ where: { externalId: String(hoa.id), active: true, staff: { code: "QL04" } } })).toBe(1);
    const ok = await e2e.db.auditLog.findMany({ where: { action: "account.bind", outcome: "ok", actor: `telegram:${hoa.id}` } });
    expect(JSON.parse(ok.at(-1)!.details!)).toMatchObject({ via: "phone" });
    // The "share" keyboard goes away with the answer.
    expect(JSON.stringify(e2e.tg.callsTo("sendMessage").at(-1)!.params)).toContain("remove_keyboard");
  });

  it("a number in no staff record is refused with the invite path", async () => {
    const x = e2e.stranger();
    const [reply] = await e2e.shareContact(x, { phone_number: "+84999888777", first_name: "X", user_id: x.id });
    expect(textOf(reply)).toContain("không có trong danh sách cán bộ");
    expect(await e2e.db.chatAccount.count({ where: { externalId: String(x.id) } })).toBe(0);
  });
});

describe("on Zalo (no files in, documents as one-time links, no deep links, no contact button)", () => {
  let z: E2E;
  beforeAll(async () => {
    z = await E2E.start({ zalo: "polling" });
  });
  afterAll(async () => z?.stop());

  it("/nhap says spreadsheets come through Telegram; /mau gives its template as a download link", async () => {
    const lan = await z.zaloLogin("VP01");
    expect((await z.zaloSay(lan, "/nhap")).map((m) => m.text).join("\n")).toContain("Kênh này chưa nhận tệp gửi lên");
    const replies = await z.zaloSay(lan, "/mau canbo");
    const url = /https?:\/\/\S+\/files\/[A-Za-z0-9_-]+/.exec(replies.map((m) => m.text).join("\n"))?.[0];
    expect(url).toBeDefined();
    const res = await fetch(url!);
    expect(res.headers.get("content-disposition")).toContain("mau-danh-sach-can-bo.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...HEADERS]);
  });

  it("/moi gives the code to type (no t.me link); a chuyên viên is refused and audited", async () => {
    const lan = await z.zaloLogin("VP01");
    const text = (await z.zaloSay(lan, "/moi QL02")).map((m) => m.text).join("\n");
    expect(text).not.toContain("t.me/");
    const code = /\n([A-Za-z0-9_-]{32})\n/.exec(text)?.[1];
    expect(code).toBeDefined();
    const ha = await z.zaloLogin("KH02");
    expect((await z.zaloSay(ha, "/moi QL02")).map((m) => m.text).join("\n")).toContain("không có quyền");
    expect(await z.db.auditLog.count({ where: { action: "command.moi", outcome: "denied" } })).toBe(1);
    // The code from the chat binds on Zalo as typed.
    const anh = z.zalo!.user("Ánh");
    expect((await z.zaloSay(anh, `/start ${code}`)).map((m) => m.text).join("\n")).toContain("Đặng Ngọc Ánh");
  });

  it("with phone self-binding on, /start without an invite keeps the invite path (no contact button here)", async () => {
    await setSetting(z.db, "binding.phoneSelfService", "bật", "e2e", z.now());
    const stranger = z.zalo!.user("Khách");
    const text = (await z.zaloSay(stranger, "/start")).map((m) => m.text).join("\n");
    expect(text).toContain("mã mời");
    expect(text).not.toContain("Chia sẻ số điện thoại");
  });
});
