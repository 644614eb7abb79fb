// Settings the office can change without IT (`npm run cli -- settings set KEY VALUE`),
// stored in the Setting table; every key has a documented default and a validator, so a
// typo is refused with a clear message instead of breaking a job at night.
import { Prisma } from "../../prisma/generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { queryRows } from "../db/direct-sql.js";
import type { DbOrTx } from "../delivery/outbox.js";
import { audit } from "./audit.js";
import { cleanText } from "./text.js";

interface SettingSpec<T> {
  default: T;
  /** Vietnamese: what it changes, for `settings` listings. */
  describe: string;
  /** Parses the office's text; returns an error message (Vietnamese) or the value. */
  parse(text: string): { ok: true; value: T } | { ok: false; error: string };
  format(value: T): string;
  /** Vietnamese: the values accepted, for the office's settings screen (/thietlap). */
  allowed?: string;
}

function int(min: number, max: number, describe: string, def: number): SettingSpec<number> {
  return {
    default: def,
    describe,
    parse: (text) => {
      const n = Number(text.trim());
      return Number.isInteger(n) && n >= min && n <= max ? { ok: true, value: n } : { ok: false, error: `cần số nguyên từ ${min} đến ${max}` };
    },
    format: String,
    allowed: `số nguyên từ ${min} đến ${max}`,
  };
}

function intList(min: number, max: number, describe: string, def: number[]): SettingSpec<number[]> {
  return {
    default: def,
    describe,
    parse: (text) => {
      const parts = text.split(/[,;\s]+/).filter(Boolean).map(Number);
      return parts.length > 0 && parts.every((n) => Number.isInteger(n) && n >= min && n <= max)
        ? { ok: true, value: [...new Set(parts)].sort((a, b) => b - a) }
        : { ok: false, error: `cần danh sách số nguyên từ ${min} đến ${max}, cách nhau bởi dấu phẩy` };
    },
    format: (v) => v.join(","),
    allowed: `các số nguyên từ ${min} đến ${max}, cách nhau bởi dấu phẩy`,
  };
}

function time(describe: string, def: string): SettingSpec<string> {
  return {
    default: def,
    describe,
    parse: (text) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(text.trim()) ? { ok: true, value: text.trim() } : { ok: false, error: "cần giờ dạng HH:MM, ví dụ 08:00" }),
    format: String,
    allowed: "giờ dạng HH:MM (00:00 đến 23:59)",
  };
}

function text(describe: string, def: string, maxLength: number): SettingSpec<string> {
  return {
    default: def,
    describe,
    parse: (value) => {
      const v = cleanText(value);
      return v.length > 0 && v.length <= maxLength ? { ok: true, value: v } : { ok: false, error: `cần một đoạn chữ từ 1 đến ${maxLength} ký tự` };
    },
    format: String,
    allowed: `đoạn chữ từ 1 đến ${maxLength} ký tự`,
  };
}

function bool(describe: string, def: boolean): SettingSpec<boolean> {
  const on = ["bat", "bật", "on", "true", "1", "co", "có"];
  const off = ["tat", "tắt", "off", "false", "0", "khong", "không"];
  return {
    default: def,
    describe,
    parse: (value) => {
      const v = cleanText(value).toLowerCase();
      if (on.includes(v)) return { ok: true, value: true };
      if (off.includes(v)) return { ok: true, value: false };
      return { ok: false, error: "cần “bật” hoặc “tắt” (on/off)" };
    },
    format: (v) => (v ? "bật" : "tắt"),
  };
}

export const SETTINGS = {
  "tasks.dueSoonWorkingDays": int(1, 30, "Nhiệm vụ “sắp đến hạn” khi còn không quá số ngày làm việc này", 5),
  "tasks.staleReportDays": int(1, 365, "Cán bộ “chưa báo cáo” khi không báo cáo tiến độ trong số ngày này", 14),
  "reports.reminderWorkingDays": intList(0, 30, "Nhắc hạn báo cáo định kỳ trước số ngày làm việc này", [5, 1]),
  "dossiers.dueSoonWorkingDays": int(0, 10, "Nhắc hồ sơ sắp đến hạn trước số ngày làm việc này", 1),
  "dossiers.escalateToHeadAfterDays": int(0, 30, "Báo trưởng phòng khi hồ sơ quá hạn từ số ngày làm việc này", 1),
  "dossiers.escalateToLeadersAfterDays": int(0, 60, "Báo lãnh đạo Sở khi hồ sơ quá hạn từ số ngày làm việc này", 3),
  "dossiers.apologyExtraWorkingDays": int(1, 60, "Phiếu xin lỗi: hẹn lại ngày trả kết quả sau số ngày làm việc này", 5),
  "agency.parentName": text("Cơ quan chủ quản, dòng đầu của văn bản (phiếu xin lỗi; in hoa khi in)", "UBND tỉnh Quảng Ngãi", 100),
  "agency.name": text("Tên cơ quan ban hành văn bản (phiếu xin lỗi; in hoa ở phần đầu)", "Sở Khoa học và Công nghệ", 100),
  "agency.place": text("Địa danh ghi ở đầu văn bản (“Quảng Ngãi, ngày ...”)", "Quảng Ngãi", 50),
  "calendar.workStart": time("Giờ bắt đầu làm việc", "08:00"),
  "calendar.workEnd": time("Giờ kết thúc làm việc", "17:00"),
  "calendar.lunchStart": time("Giờ bắt đầu nghỉ trưa", "12:00"),
  "calendar.lunchEnd": time("Giờ kết thúc nghỉ trưa", "13:00"),
  "alerts.reminderMinutes": int(5, 24 * 60, "Nhắc người chưa xác nhận cảnh báo sau số phút (trong giờ làm việc)", 120),
  "alerts.urgentReminderMinutes": int(5, 24 * 60, "Nhắc người chưa xác nhận cảnh báo Khẩn sau số phút", 30),
  "alerts.remindersBeforeEscalation": int(1, 10, "Số lần nhắc trước khi báo trưởng phòng", 1),
  "tips.weekday": int(1, 5, "Ngày gửi mẹo ATTT hằng tuần (1 = thứ Hai ... 5 = thứ Sáu)", 1),
  "tips.time": time("Giờ gửi mẹo ATTT định kỳ", "08:00"),
  "binding.phoneSelfService": bool("Cán bộ tự gắn tài khoản Telegram bằng cách chia sẻ số điện thoại có trong danh sách cán bộ (không cần mã mời)", false),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]["default"] extends infer T
  ? T extends readonly number[]
    ? number[]
    : T extends number
      ? number
      : T extends boolean
        ? boolean
        : string
  : never;

export function isSettingKey(k: string): k is SettingKey {
  return Object.hasOwn(SETTINGS, k);
}

/** The current value (the default when never set, or when a stored value no longer parses). */
export async function getSetting<K extends SettingKey>(db: DbOrTx, key: K): Promise<SettingValue<K>> {
  const spec = SETTINGS[key] as unknown as SettingSpec<SettingValue<K>>;
  // Plain SQL on the driver adapter (direct-sql.ts): settings are read on most turns
  // (/nhiemvu's "due soon"), where a Prisma call costs several times the statement. Read
  // each time, never cached: the CLI, another process, may change them.
  const [row] = await queryRows<{ value: string }>(db, Prisma.sql`SELECT "value" FROM "Setting" WHERE "key" = ${key}`);
  if (!row) return spec.default;
  const parsed = spec.parse(row.value);
  return parsed.ok ? parsed.value : spec.default;
}

export type SetResult = { ok: true; value: string } | { ok: false; error: string };

/**
 * What `text` would store under `key`, checked as `setSetting` checks it, without writing:
 * the chat shows it for confirmation before anything changes.
 */
export async function checkSetting(db: Db, key: string, text: string): Promise<SetResult> {
  if (!isSettingKey(key)) return { ok: false, error: `không có thiết lập “${key}”` };
  const spec = SETTINGS[key] as unknown as SettingSpec<unknown>;
  const parsed = spec.parse(text);
  if (!parsed.ok) return parsed;
  const value = spec.format(parsed.value);
  if (key.startsWith("calendar.")) {
    const problem = await officeHoursProblem(db, key, value);
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, value };
}

export async function setSetting(db: Db, key: string, text: string, actor: string, now: Date, actorStaffId: number | null = null): Promise<SetResult> {
  const checked = await checkSetting(db, key, text);
  if (!checked.ok) {
    await auditRefusedSetting(db, key, checked.error, actor, actorStaffId, now);
    return checked;
  }
  const { value } = checked;
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key }, create: { key, value, updatedBy: actor }, update: { value, updatedBy: actor } });
    await audit(tx, { actor, actorStaffId, action: "settings.set", target: key, details: { value }, at: now });
  });
  return { ok: true, value };
}

/** A refused value changes nothing, but the attempt is on record. */
export async function auditRefusedSetting(db: Db, key: string, error: string, actor: string, actorStaffId: number | null, now: Date): Promise<void> {
  await audit(db, { actor, actorStaffId, action: "settings.set", target: key.slice(0, 64), outcome: "failed", details: { error: error.slice(0, 200) }, at: now });
}

/** The four office-hour settings must fit together (start < lunch < end), checked before saving. */
async function officeHoursProblem(db: Db, key: string, value: string): Promise<string | null> {
  const get = async (k: "calendar.workStart" | "calendar.workEnd" | "calendar.lunchStart" | "calendar.lunchEnd") =>
    k === key ? value : await getSetting(db, k);
  const h = { start: await get("calendar.workStart"), lunchStart: await get("calendar.lunchStart"), lunchEnd: await get("calendar.lunchEnd"), end: await get("calendar.workEnd") };
  return h.start < h.lunchStart && h.lunchStart < h.lunchEnd && h.lunchEnd < h.end
    ? null
    : `các mốc giờ làm việc phải lần lượt sau nhau (bắt đầu, nghỉ trưa, hết nghỉ trưa, kết thúc); với giá trị này sẽ là bắt đầu ${h.start}, nghỉ trưa ${h.lunchStart}–${h.lunchEnd}, kết thúc ${h.end}`;
}

export interface SettingRow {
  key: SettingKey;
  value: string;
  isDefault: boolean;
  describe: string;
  defaultValue: string;
  allowed: string | null;
}

export async function listSettings(db: Db): Promise<SettingRow[]> {
  const rows = new Map((await db.setting.findMany()).map((r) => [r.key, r.value]));
  return (Object.keys(SETTINGS) as SettingKey[]).map((key) => {
    const spec = SETTINGS[key] as unknown as SettingSpec<unknown>;
    const stored = rows.get(key);
    const parsed = stored === undefined ? undefined : spec.parse(stored);
    return {
      key,
      value: parsed?.ok ? spec.format(parsed.value) : spec.format(spec.default),
      isDefault: !parsed?.ok,
      describe: spec.describe,
      defaultValue: spec.format(spec.default),
      allowed: spec.allowed ?? null,
    };
  });
}
