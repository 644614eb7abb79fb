// Who gets a digest, what it covers, and its text: the sections of each feature, for the
// recipient's scope (their unit, or the whole department) and language.
import type { i18n as I18n } from "i18next";
import type { AppConfig } from "../../config.js";
import type { Db } from "../../db/client.js";
import { isLocale, translator } from "../../i18n.js";
import type { WorkingCalendar } from "../calendar/index.js";
import { seesAllUnits } from "../roles.js";
import { DIGEST_SECTIONS } from "./sections.js";
import type { DigestRecipient, DigestScope, DigestSection } from "./types.js";
import { formatDate } from "../date-text.js";

export const DIGEST_ROLES = ["truong_phong", "lanh_dao_so", "van_phong", "quan_tri"] as const;

export async function digestRecipients(db: Db) {
  return db.staff.findMany({
    where: { active: true, role: { in: [...DIGEST_ROLES] }, digestMode: { not: "none" }, accounts: { some: { active: true } } },
    include: { unit: true },
    orderBy: { id: "asc" },
  });
}

export function digestScope(role: string, unitId: number): DigestScope {
  return seesAllUnits(role) ? { kind: "department" } : { kind: "unit", unitId };
}

/** When the person's previous digest was recorded (the outbox keeps every digest). */
export async function previousDigestAt(db: Db, staffId: number, before: Date): Promise<Date | null> {
  const row = await db.outboxMessage.findFirst({
    where: { kind: "digest", staffId, createdAt: { lt: before } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

export interface BuiltDigest {
  html: string;
  changed: boolean;
}

export async function buildDigest(
  ctx: { db: Db; config: AppConfig; i18n: I18n; calendar: WorkingCalendar; now: Date; today: string },
  staff: { id: number; role: string; unitId: number; locale: string | null; unit: { name: string } },
  since: Date | null,
  sections: readonly DigestSection[] = DIGEST_SECTIONS,
): Promise<BuiltDigest> {
  const locale = isLocale(staff.locale) ? staff.locale : ctx.config.defaultLocale;
  const t = translator(ctx.i18n, locale);
  const recipient: DigestRecipient = { staffId: staff.id, role: staff.role, unitId: staff.unitId, locale };
  const scope = digestScope(staff.role, staff.unitId);
  const parts = [];
  for (const section of sections) {
    if (section.appliesTo && !section.appliesTo(recipient, scope)) continue;
    const part = await section.render({ ...ctx, t, recipient, scope, since });
    if (part) parts.push(part);
  }
  const head = [
    t("digest.title", { date: formatDate(ctx.today) }),
    scope.kind === "unit" ? t("digest.scopeUnit", { unit: staff.unit.name }) : t("digest.scopeDepartment"),
  ];
  const body = parts.length ? parts.map((p) => p.html) : [t("digest.nothing")];
  return { html: [...head, "", body.join("\n\n"), "", t("digest.footer")].join("\n"), changed: parts.some((p) => p.changed) };
}
