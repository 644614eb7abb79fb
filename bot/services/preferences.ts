// A staff member's own settings (/caidat). Everyone may change only their own.
import type { Db } from "../db/client.js";
import type { Locale } from "../i18n.js";

export const QUIET_PRESETS = [
  { from: "20:00", to: "07:00" },
  { from: "21:00", to: "06:30" },
  { from: "22:00", to: "06:00" },
  { from: "18:00", to: "08:00" },
  { from: "00:00", to: "00:00" }, // no quiet hours
] as const;
export const DIGEST_MODES = ["daily", "changes", "none"] as const;
export const TIP_FREQUENCIES = ["weekly", "daily", "none"] as const;
export type DigestMode = (typeof DIGEST_MODES)[number];
export type TipFrequency = (typeof TIP_FREQUENCIES)[number];

export function hasQuietHours(p: { quietFrom: string; quietTo: string }): boolean {
  return p.quietFrom !== p.quietTo;
}

export async function setLocale(db: Db, staffId: number, locale: Locale) {
  return db.staff.update({ where: { id: staffId }, data: { locale } });
}

export async function setQuietHours(db: Db, staffId: number, preset: number) {
  const p = QUIET_PRESETS[preset];
  if (!p) throw new RangeError("unknown quiet-hours preset");
  return db.staff.update({ where: { id: staffId }, data: { quietFrom: p.from, quietTo: p.to } });
}

export async function setDigestMode(db: Db, staffId: number, mode: DigestMode) {
  return db.staff.update({ where: { id: staffId }, data: { digestMode: mode } });
}

export async function setTipFrequency(db: Db, staffId: number, frequency: TipFrequency) {
  return db.staff.update({ where: { id: staffId }, data: { tipFrequency: frequency } });
}

/** The staff member with their unit, as the settings show them. */
export function staffProfile(db: Db, staffId: number) {
  return db.staff.findUniqueOrThrow({ where: { id: staffId }, include: { unit: true } });
}

/** The platforms the person can be reached on now, most recently bound first. */
export async function activeChannels(db: Db, staffId: number): Promise<string[]> {
  const accounts = await db.chatAccount.findMany({ where: { staffId, active: true }, orderBy: [{ boundAt: "desc" }, { id: "desc" }], select: { platform: true } });
  return [...new Set(accounts.map((a) => a.platform))];
}

/** Where proactive messages go first; null: the account bound last. Only a channel the person has. */
export async function setPreferredChannel(db: Db, staffId: number, platform: string | null): Promise<boolean> {
  if (platform !== null && !(await activeChannels(db, staffId)).includes(platform)) return false;
  await db.staff.update({ where: { id: staffId }, data: { preferredChannel: platform } });
  return true;
}
