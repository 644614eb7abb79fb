// Who gets a digest, what it covers, and its text: the sections of each feature, for the
// recipient's scope (their unit, or the whole department) and language.
import type { i18n as I18n } from "i18next";
import type { AppConfig } from "../../config.js";
import type { Db } from "../../db/client.js";
import { splitHtml, visibleLength } from "../../delivery/split.js";
import { isLocale, translator } from "../../i18n.js";
import type { WorkingCalendar } from "../calendar/index.js";
import { seesAllUnits } from "../roles.js";
import { DIGEST_SECTIONS } from "./sections.js";
import type { DigestRecipient, DigestScope, DigestSection, Memo } from "./types.js";
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

/** A memo for one run of the digest: what the recipients of a scope share is read once. */
export function createMemo(): Memo {
  const values = new Map<string, Promise<unknown>>();
  return <T>(key: string, compute: () => Promise<T>) => {
    let v = values.get(key) as Promise<T> | undefined;
    if (!v) {
      v = compute();
      // A failure is not remembered: the next recipient tries again.
      v.catch(() => values.delete(key));
      values.set(key, v);
    }
    return v;
  };
}

/** Visible characters a digest may use: one Telegram message (4096), with room to spare. */
export const DIGEST_TEXT_LIMIT = 4000;
/** Items per list, from the fullest digest to counts only, until it fits one message. */
const LIST_STEPS = [5, 3, 1, 0];

export interface BuiltDigest {
  html: string;
  changed: boolean;
}

export interface DigestContext {
  db: Db;
  config: AppConfig;
  i18n: I18n;
  calendar: WorkingCalendar;
  now: Date;
  today: string;
  /** Shared by the recipients of one run (createMemo); a fresh one when omitted. */
  memo?: Memo;
}

export async function buildDigest(
  ctx: DigestContext,
  staff: { id: number; role: string; unitId: number; locale: string | null; unit: { name: string } },
  since: Date | null,
  sections: readonly DigestSection[] = DIGEST_SECTIONS,
): Promise<BuiltDigest> {
  const locale = isLocale(staff.locale) ? staff.locale : ctx.config.defaultLocale;
  const t = translator(ctx.i18n, locale);
  const recipient: DigestRecipient = { staffId: staff.id, role: staff.role, unitId: staff.unitId, locale };
  const scope = digestScope(staff.role, staff.unitId);
  const memo = ctx.memo ?? createMemo();
  const head = [
    t("digest.title", { date: formatDate(ctx.today) }),
    scope.kind === "unit" ? t("digest.scopeUnit", { unit: staff.unit.name }) : t("digest.scopeDepartment"),
  ];
  let html = "";
  let changed = false;
  for (const [i, listMax] of LIST_STEPS.entries()) {
    const parts = [];
    for (const section of sections) {
      if (section.appliesTo && !section.appliesTo(recipient, scope)) continue;
      const part = await section.render({ ...ctx, memo, t, recipient, scope, since, listMax });
      if (part) parts.push(part);
    }
    const body = parts.length ? parts.map((p) => p.html) : [t("digest.nothing")];
    const shortened = i > 0 ? ["", t("digest.shortened")] : [];
    html = [...head, "", body.join("\n\n"), ...shortened, "", t("digest.footer")].join("\n");
    changed = parts.some((p) => p.changed);
    if (visibleLength(html) <= DIGEST_TEXT_LIMIT) return { html, changed };
  }
  // Counts only and still too long (very long unit names...): cut at a line, tags kept valid.
  return { html: `${splitHtml(html, DIGEST_TEXT_LIMIT - 2)[0]!}\n…`, changed };
}
