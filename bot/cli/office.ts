// The office's chat actions on the command line, through the same services and texts:
// `staff --find TEXT` and `staff show CODE` (/canbo), `unbind CODE [--platform P]` (its
// unbind button), `audit` with filters (/nhatky), `calendar [MM/YYYY]` (/lich).
import { accountLine, staffCard, staffLine } from "../../commands/canbo.js";
import { auditLineText, parseAuditArgs } from "../../commands/nhatky.js";
import { AUDIT_GROUPS, type AuditFilter, type AuditGroup, auditPage } from "../services/audit-view.js";
import { calendarMonth, parseYearMonth, renderCalendarMonth } from "../services/calendar-month.js";
import type { OfficeActor } from "../services/roles.js";
import { searchStaff, staffSummary, unbindStaff } from "../services/staff-directory.js";
import { localParts } from "../services/time.js";
import { loadWorkingCalendar } from "../services/working-calendar.js";
import type { CliContext } from "./context.js";

function actor(cli: CliContext): OfficeActor {
  return { actor: cli.actor, staffId: null, role: null };
}

export async function findStaffCommand(cli: CliContext, query: string): Promise<number> {
  const res = await searchStaff(cli.db.prisma, query, 0, 10_000);
  if (res.total === 0) {
    cli.err(cli.t("office.canbo.noMatch", { query }));
    return 1;
  }
  for (const s of res.items) cli.out(staffLine(cli.t, s, cli.config.timezone));
  return 0;
}

export async function showStaffCommand(cli: CliContext, code: string): Promise<number> {
  const s = await staffSummary(cli.db.prisma, { code });
  if (!s) {
    cli.err(cli.t("cli.invite.unknownStaff", { code }));
    return 1;
  }
  cli.out(staffCard(cli.t, s, cli.config.timezone));
  return 0;
}

/** Ends the bindings of a person (a lost phone, a departure), on one platform or all. */
export async function unbindCommand(cli: CliContext, code: string, platform: string | undefined): Promise<number> {
  const res = await unbindStaff(cli.db.prisma, actor(cli), { code }, { platform, now: cli.now });
  if (!res.ok && res.reason === "nothingBound") {
    cli.out(cli.t("office.canbo.nothingToUnbind"));
    return 0;
  }
  if (!res.ok) {
    cli.err(cli.t("cli.invite.unknownStaff", { code }));
    return 1;
  }
  cli.out(cli.t("office.canbo.unbound", { name: res.staff.fullName, count: res.accounts, invites: res.invitesRevoked }));
  for (const a of res.staff.accounts) cli.out(accountLine(cli.t, a, cli.config.timezone));
  return 0;
}

export async function auditCommand(
  cli: CliContext,
  opts: { limit: number; who?: string | undefined; date?: string | undefined; kind?: string | undefined },
): Promise<number> {
  const parsed = parseAuditArgs([opts.who, opts.date].filter(Boolean).join(" "));
  if (!parsed.ok || (opts.kind !== undefined && !(AUDIT_GROUPS as readonly string[]).includes(opts.kind))) {
    cli.err(cli.t("office.cli.badAuditFilter", { kinds: AUDIT_GROUPS.join(", ") }));
    return 2;
  }
  const filter: AuditFilter = { ...parsed.filter, ...(opts.kind ? { group: opts.kind as AuditGroup } : {}) };
  const page = await auditPage(cli.db.prisma, filter, { page: 0, pageSize: opts.limit, timeZone: cli.config.timezone });
  if (page.total === 0) {
    cli.out(cli.t(filter.group === "all" && !filter.word && !filter.date ? "cli.audit.empty" : "office.nhatky.empty"));
    return 0;
  }
  // Oldest first, the newest last: the terminal reads like the tail of a log.
  for (const l of [...page.items].reverse()) cli.out(auditLineText(cli.t, l, cli.config.timezone));
  if (page.total > page.items.length) cli.out(cli.t("office.cli.auditMore", { shown: page.items.length, total: page.total }));
  return 0;
}

export async function calendarCommand(cli: CliContext, month: string | undefined): Promise<number> {
  const today = localParts(cli.now, cli.config.timezone).date;
  const ym = month === undefined ? { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) } : parseYearMonth(month);
  if (!ym) {
    cli.err(cli.t("office.cli.badMonth", { value: month ?? "" }));
    return 2;
  }
  const calendar = await loadWorkingCalendar(cli.db.prisma, cli.config.timezone);
  cli.out(renderCalendarMonth(cli.t, await calendarMonth(cli.db.prisma, calendar, ym), cli.config.timezone));
  return 0;
}
