// /nhatky (office): the latest audit entries, newest first, paged; filtered by kind (buttons:
// refusals, bindings, settings, imports, alerts, commands), by who acted or an action's name
// (`/nhatky KH02`, `/nhatky cli`, `/nhatky settings.set`) and by day (`/nhatky 01/12/2026`).
// Details pass through the service's mask: no invite, token or link is ever shown.
import { A } from "../bot/chat/actions.js";
import { defineCommand } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { type Button, button, checked } from "../bot/chat/view.js";
import type { Translate, TKey } from "../bot/i18n.js";
import { parseDate } from "../bot/import/parsers.js";
import { AUDIT_GROUPS, AUDIT_WORD, type AuditFilter, type AuditGroup, type AuditLine, type AuditPage, auditPage } from "../bot/services/audit-view.js";
import { formatDate, formatDateTime } from "../bot/services/date-text.js";
import { OFFICE } from "../bot/services/roles.js";
import { takeChars } from "../bot/services/safe-text.js";
import { flatQuotes } from "../bot/services/data-text.js";
import { officeOnly } from "./office-context.js";

export const AUDIT_PAGE_SIZE = 10;
const GROUP_WORDS: Record<string, AuditGroup> = { tuchoi: "denied", denied: "denied" };

/** "Đổi thiết lập của Văn phòng", "Lệnh /canbo"; an action without a label as it is, quoted. */
export function actionLabel(t: Translate, action: string): string {
  const dot = action.indexOf(".");
  const [head, tail] = dot < 0 ? [action, ""] : [action.slice(0, dot), action.slice(dot + 1)];
  if ((head === "command" || head === "button") && /^[a-z0-9_]{1,32}$/.test(tail)) return t(`office.nhatky.actions.${head}`, { name: tail });
  const key = `office.nhatky.actions.${action.replace(/\./g, "_")}`;
  const label = /^[a-z_]+$/.test(action.replace(/\./g, "_")) ? t(key as TKey) : key;
  return label !== key ? label : t("office.nhatky.actionRaw", { action: flatQuotes(action) });
}

export function auditLineText(t: Translate, l: AuditLine, timeZone: string): string {
  return t("office.nhatky.line", {
    at: formatDateTime(l.at, timeZone),
    outcome: t(`office.nhatky.outcomes.${l.outcome}` as TKey, { defaultValue: l.outcome }),
    action: actionLabel(t, l.action),
    who: l.who,
    target: l.target ? t("office.nhatky.target", { target: flatQuotes(l.target) }) : "",
    details: l.details ? t("office.nhatky.details", { details: flatQuotes(l.details) }) : "",
  });
}

export function renderAuditPage(t: Translate, p: AuditPage, filter: AuditFilter, timeZone: string): string {
  const parts: string[] = [];
  if (filter.group !== "all") parts.push(t(`office.nhatky.groups.${filter.group}`));
  if (p.word?.kind === "staff") parts.push(t("office.nhatky.byStaff", { name: p.word.name, code: p.word.code }));
  else if (p.word?.kind === "actor") parts.push(t("office.nhatky.byActor", { actor: p.word.value }));
  else if (p.word?.kind === "action") parts.push(t("office.nhatky.byAction", { action: p.word.value }));
  if (filter.date) parts.push(t("office.nhatky.onDay", { date: formatDate(filter.date) }));
  const lines = [t("office.nhatky.title"), parts.length ? t("office.nhatky.filters", { filters: parts.join(" · ") }) : t("office.nhatky.noFilter")];
  lines.push(t("office.nhatky.page", { page: p.page + 1, pages: p.pages, total: p.total }), "");
  if (p.items.length === 0) lines.push(t("office.nhatky.empty"));
  for (const l of p.items) lines.push(auditLineText(t, l, timeZone));
  return lines.join("\n");
}

type Parsed = { ok: true; filter: AuditFilter } | { ok: false };

/** `/nhatky [KH02 | cli | settings.set] [01/12/2026] [tuchoi]`: at most one word and one day. */
export function parseAuditArgs(args: string): Parsed {
  const filter: AuditFilter = { group: "all" };
  for (const token of args.trim().split(/\s+/).filter(Boolean)) {
    const group = GROUP_WORDS[token.toLowerCase()];
    const date = /\d/.test(token) && /[/.-]/.test(token) ? parseDate(token) : null;
    if (group && filter.group === "all") filter.group = group;
    else if (date?.ok && date.value && !filter.date) filter.date = date.value;
    else if (AUDIT_WORD.test(token) && !/^\d+[/.-]/.test(token) && !filter.word) filter.word = token;
    else return { ok: false };
  }
  return { ok: true, filter };
}

function pageData(page: number, upTo: number, f: AuditFilter) {
  return A.auditLog.page.build({ page, upTo, group: f.group, word: f.word ?? "-", date: f.date ? f.date.replaceAll("-", "") : "-" });
}

async function show(turn: Turn, filter: AuditFilter, page: number, upToId: number | undefined) {
  const { t } = turn;
  const tz = turn.deps.config.timezone;
  const p = await auditPage(turn.deps.db, filter, { page, pageSize: AUDIT_PAGE_SIZE, upToId, timeZone: tz });
  const buttons: Button[][] = [];
  const nav: Button[] = [];
  if (p.page > 0) nav.push(button(t("office.nhatky.newer"), pageData(p.page - 1, p.upToId, filter)));
  if (p.page + 1 < p.pages) nav.push(button(t("office.nhatky.older"), pageData(p.page + 1, p.upToId, filter)));
  if (nav.length) buttons.push(nav);
  // Kind buttons start again from the newest entries, keeping the word and the day.
  const kinds = AUDIT_GROUPS.map((g) => button(checked(g === filter.group, t(`office.nhatky.groups.${g}`)), pageData(0, 0, { ...filter, group: g })));
  for (let i = 0; i < kinds.length; i += 3) buttons.push(kinds.slice(i, i + 3));
  await turn.reply.show({ text: renderAuditPage(t, p, filter, tz), buttons }, { replace: true });
}

export const auditLogCommand = defineCommand(
  { name: "nhatky", aliases: ["audit"], roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.nhatky" },
  (c) => {
    c.check(officeOnly);
    c.message(async (turn) => {
      const parsed = parseAuditArgs(turn.command?.args ?? "");
      if (!parsed.ok) return turn.reply.show(turn.t("office.nhatky.badFilter", { args: takeChars(turn.command?.args ?? "", 60) }));
      return show(turn, parsed.filter, 0, undefined);
    });
    c.action(A.auditLog.page, (turn, { page, upTo, group, word, date }) => {
      const filter: AuditFilter = {
        group,
        ...(word !== "-" ? { word } : {}),
        ...(date !== "-" ? { date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` } : {}),
      };
      // upTo 0: from the newest entry now (a kind button); otherwise the pages first shown.
      return show(turn, filter, page, upTo === 0 ? undefined : upTo);
    });
  },
);
