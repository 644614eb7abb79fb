// Invites for many people at once (/moi don-vi QLKH, "Tạo mã mời" after a staff import,
// `npm run cli -- invite-sheet`): a new one-time invite for each active person not bound yet,
// in one spreadsheet to hand out or mail-merge: their link (or the code to type where the
// platform has no deep link) and its QR code as a picture in the row. QR codes come from the
// `qrcode` package (pure JavaScript, PNG encoded in-process: nothing downloaded, no native
// binary). Issuing the sheet voids each person's earlier open invite, as a single invite does.
import type { Db } from "../db/client.js";
import { audit } from "./audit.js";
import { formatDateTime } from "./date-text.js";
import { issueInvite } from "./invites.js";
import { excelJs, qrCode } from "./documents/libraries.js";

export interface InviteSheetOptions {
  /** Only this unit's people; all units when undefined. */
  unitId?: number | undefined;
  ttlHours: number;
  now: Date;
  actor: string;
  timeZone: string;
  /** The link that opens the chat with the invite (Telegram's t.me deep link), where there is one. */
  link: ((invite: string) => string) | undefined;
}

export interface InviteSheet {
  people: number;
  fileName: string;
  bytes: Buffer;
}

/** Active staff without an active chat account, in unit then name order. */
export function unboundStaff(db: Db, unitId?: number) {
  return db.staff.findMany({
    where: { active: true, ...(unitId !== undefined ? { unitId } : {}), accounts: { none: { active: true } } },
    include: { unit: true },
    orderBy: [{ unit: { sortOrder: "asc" } }, { code: "asc" }],
  });
}

const QR_PIXELS = 160;
const ROW_POINTS = 126;

export async function qrPng(text: string): Promise<Buffer> {
  return (await qrCode()).toBuffer(text, { type: "png", width: QR_PIXELS, margin: 2, errorCorrectionLevel: "M" });
}

export async function inviteSheet(db: Db, opts: InviteSheetOptions): Promise<InviteSheet> {
  const people = await unboundStaff(db, opts.unitId);
  // All invites in one transaction: a sheet is issued whole or not at all.
  const issued = await db.$transaction(
    async (tx) => {
      const out = [];
      for (const s of people) out.push({ staff: s, ...(await issueInvite(tx, s, opts)) });
      await audit(tx, { actor: opts.actor, action: "invite.sheet", target: opts.unitId !== undefined ? `unit:${opts.unitId}` : "all", details: { people: people.length, ttlHours: opts.ttlHours }, at: opts.now });
      return out;
    },
    { timeout: 60_000 },
  );

  const wb = new (await excelJs()).Workbook();
  const ws = wb.addWorksheet("Mã mời", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "Mã cán bộ", width: 12 },
    { header: "Họ và tên", width: 26 },
    { header: "Đơn vị", width: 28 },
    { header: "Điện thoại", width: 13 },
    { header: "Email", width: 26 },
    { header: "Đường link mời", width: 62 },
    { header: "Mã mời", width: 36 },
    { header: "Hết hạn", width: 17 },
    { header: "Mã QR", width: 25 },
  ];
  ws.getRow(1).font = { bold: true };
  // Printed on A4 landscape, one page wide: each person's row with their QR code beside it.
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.pageSetup.printTitlesRow = "1:1";
  for (const [i, p] of issued.entries()) {
    const link = opts.link?.(p.invite);
    const row = ws.addRow([
      p.staff.code,
      p.staff.fullName,
      p.staff.unit.name,
      p.staff.phone ?? "",
      p.staff.email ?? "",
      link ? { text: link, hyperlink: link } : `/start ${p.invite}`,
      p.invite,
      formatDateTime(p.expiresAt, opts.timeZone),
      "",
    ]);
    row.height = ROW_POINTS;
    row.alignment = { vertical: "middle", wrapText: true };
    // exceljs types its `buffer` as its own ArrayBuffer-like, not Node's Buffer: base64 is the typed way in.
    const image = wb.addImage({ base64: (await qrPng(link ?? `/start ${p.invite}`)).toString("base64"), extension: "png" });
    ws.addImage(image, { tl: { col: 8.1, row: i + 1.05 }, ext: { width: QR_PIXELS, height: QR_PIXELS }, editAs: "oneCell" });
  }
  const day = formatDateTime(opts.now, opts.timeZone).slice(0, 10).split("/").reverse().join("-");
  return { people: issued.length, fileName: `ma-moi-${day}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
