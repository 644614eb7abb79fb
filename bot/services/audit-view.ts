// Reading the audit log (/nhatky, `npm run cli -- audit`): the latest entries, newest first,
// filtered by who acted (a staff code, or "cli", "system", "http"...), by kind (a group such
// as bindings or refusals, or an action's prefix) and by day. What the details hold is shown
// through a mask: no invite, token, link or secret ever reaches a screen, whatever a future
// caller of `audit()` puts there.
import type { Prisma } from "../../prisma/generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { scrubSecrets } from "../logger.js";
import { addDays, type IsoDate } from "./calendar/index.js";
import { atLocal } from "./time.js";

/** Kinds offered as buttons. */
export const AUDIT_GROUPS = ["all", "denied", "account", "settings", "import", "alert", "command"] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

const GROUP_WHERE: Record<AuditGroup, Prisma.AuditLogWhereInput> = {
  all: {},
  denied: { outcome: { in: ["denied", "failed"] } },
  account: { OR: [{ action: { startsWith: "account." } }, { action: { startsWith: "invite." } }, { action: { startsWith: "apitoken." } }] },
  settings: { OR: [{ action: { startsWith: "settings." } }, { action: { startsWith: "deadline." } }] },
  import: { action: { endsWith: ".import" } },
  alert: { action: { startsWith: "alert." } },
  command: { OR: [{ action: { startsWith: "command." } }, { action: { startsWith: "button." } }] },
};

/** Who may be named by an actor word other than a staff code. */
const ACTOR_PREFIXES = ["cli", "system", "http", "telegram", "zalo", "slack", "demo"] as const;
/** A typed filter word: what a button can carry back (letters, digits, `_ . -`). */
export const AUDIT_WORD = /^[A-Za-z0-9_.-]{1,20}$/;

export interface AuditFilter {
  group: AuditGroup;
  /** A staff code, an actor kind (cli, system, http, a platform) or the start of an action ("settings.set"). */
  word?: string | undefined;
  /** A local day. */
  date?: IsoDate | undefined;
}

export interface AuditLine {
  id: number;
  at: Date;
  /** "Nguyễn Thị Lan (VP01)", or the raw actor (cli:root, system, http:mot-cua). */
  who: string;
  action: string;
  target: string | null;
  outcome: string;
  /** key=value pairs, masked. */
  details: string;
}

export interface AuditPage {
  items: AuditLine[];
  total: number;
  page: number;
  pages: number;
  /** The newest id the paging is anchored at: entries written meanwhile do not shift pages. */
  upToId: number;
  /** What the filter word was taken to be. */
  word: { kind: "staff"; code: string; name: string } | { kind: "actor" | "action"; value: string } | null;
}

const SECRET_KEY = /invite|token|secret|password|passw|otp|link|url|hash|payload|phone|email/i;
/** A long random-looking word (an invite, a token): letters and digits mixed, 20 characters or more. */
const RANDOM_WORD = /[A-Za-z0-9_-]{20,}/g;
const MASK = "•••";

function maskValue(v: string): string {
  const scrubbed = scrubSecrets(v).replace(RANDOM_WORD, (w) => (/\d/.test(w) && /[A-Za-z]/.test(w) ? MASK : w));
  return [...scrubbed].length > 60 ? `${[...scrubbed].slice(0, 59).join("")}…` : scrubbed;
}

/** The details of an entry as `key=value` pairs, secrets masked, short. */
export function maskDetails(details: string | null): string {
  if (!details) return "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return maskValue(details);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return maskValue(String(parsed));
  const parts = Object.entries(parsed as Record<string, unknown>).map(([k, v]) => {
    // Counts and flags are never secrets ("invitesRevoked=2" stays readable).
    if (SECRET_KEY.test(k) && typeof v !== "number" && typeof v !== "boolean") return `${k}=${MASK}`;
    const text = typeof v === "string" ? v : JSON.stringify(v);
    return `${k}=${maskValue(text ?? "")}`;
  });
  const all = parts.join(", ");
  return [...all].length > 300 ? `${[...all].slice(0, 299).join("")}…` : all;
}

async function wordWhere(db: Db, word: string): Promise<{ where: Prisma.AuditLogWhereInput; word: AuditPage["word"] }> {
  const staff = await db.staff.findUnique({ where: { code: word.toUpperCase() }, select: { id: true, code: true, fullName: true } });
  if (staff) return { where: { actorStaffId: staff.id }, word: { kind: "staff", code: staff.code, name: staff.fullName } };
  const lower = word.toLowerCase();
  if ((ACTOR_PREFIXES as readonly string[]).includes(lower)) {
    return { where: lower === "system" ? { actor: "system" } : { actor: { startsWith: `${lower}:` } }, word: { kind: "actor", value: lower } };
  }
  return { where: { action: { startsWith: lower } }, word: { kind: "action", value: lower } };
}

export async function auditPage(
  db: Db,
  filter: AuditFilter,
  opts: { page: number; pageSize: number; upToId?: number | undefined; timeZone: string },
): Promise<AuditPage> {
  const upToId = opts.upToId ?? (await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;
  const and: Prisma.AuditLogWhereInput[] = [{ id: { lte: upToId } }, GROUP_WHERE[filter.group]];
  let word: AuditPage["word"] = null;
  if (filter.word) {
    const w = await wordWhere(db, filter.word);
    and.push(w.where);
    word = w.word;
  }
  if (filter.date) and.push({ at: { gte: atLocal(filter.date, "00:00", opts.timeZone), lt: atLocal(addDays(filter.date, 1), "00:00", opts.timeZone) } });
  const where: Prisma.AuditLogWhereInput = { AND: and };
  const total = await db.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / opts.pageSize));
  const page = Math.min(Math.max(0, opts.page), pages - 1);
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: page * opts.pageSize, take: opts.pageSize });
  const staffIds = [...new Set(rows.map((r) => r.actorStaffId).filter((id): id is number => id !== null))];
  const staff = new Map((await db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, code: true, fullName: true } })).map((s) => [s.id, s]));
  const items = rows.map((r): AuditLine => {
    const s = r.actorStaffId === null ? undefined : staff.get(r.actorStaffId);
    return {
      id: r.id,
      at: r.at,
      who: s ? `${s.fullName} (${s.code})` : maskValue(r.actor),
      action: r.action,
      target: r.target === null ? null : maskValue(r.target),
      outcome: r.outcome,
      details: maskDetails(r.details),
    };
  });
  return { items, total, page, pages, upToId, word };
}
