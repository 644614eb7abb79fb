// /canbo (office): find a person in the registry by a part of their name (diacritics or not),
// their staff code or their unit; see their chat account on each channel and their last
// activity; unbind a lost phone after a confirmation. The service checks the role again and
// writes the audit log; typed text while the list is open searches again.
import { A } from "../bot/chat/actions.js";
import { defineCommand, NOT_HANDLED, refuse } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { type Button, button } from "../bot/chat/view.js";
import type { Translate, TKey } from "../bot/i18n.js";
import { formatDateTime } from "../bot/services/date-text.js";
import { setFlow } from "../bot/services/flows.js";
import { roleLabel } from "../bot/services/profile.js";
import { OFFICE } from "../bot/services/roles.js";
import { charLength } from "../bot/services/safe-text.js";
import { dataText } from "../bot/services/data-text.js";
import { officeActor, officeOnly } from "./office-context.js";
import { type AccountSummary, searchStaff, type StaffSummary, staffSummary, unbindStaff } from "../bot/services/staff-directory.js";

export const STAFF_FLOW = "canbo";
const PAGE_SIZE = 6;
const QUERY_MAX = 60;

interface DirData {
  query: string;
  page: number;
}

function platformName(t: Translate, platform: string): string {
  return t(`settings.channelNames.${platform}` as TKey, { defaultValue: platform });
}

/** "Telegram: đang gắn (từ 01/12/2026 08:00), hoạt động lần cuối 02/12/2026 09:10". */
export function accountLine(t: Translate, a: AccountSummary, timeZone: string): string {
  const at = (d: Date | null) => (d ? formatDateTime(d, timeZone) : t("office.canbo.never"));
  const shown = [a.displayName, a.username ? `@${a.username}` : null].filter(Boolean).join(" ");
  const name = shown ? dataText(t, shown) : "";
  return a.active
    ? t("office.canbo.accountActive", { platform: platformName(t, a.platform), name: name, since: at(a.boundAt), seen: at(a.lastSeenAt) })
    : t("office.canbo.accountInactive", {
        platform: platformName(t, a.platform),
        name: name,
        reason: t(`office.canbo.reasons.${a.inactiveReason ?? "unbound"}` as TKey, { defaultValue: a.inactiveReason ?? "" }),
        at: at(a.inactiveAt),
      });
}

/** One line of the list: name, code, role, unit, the channels bound, the last activity. */
export function staffLine(t: Translate, s: StaffSummary, timeZone: string): string {
  const bound = [...new Set(s.accounts.filter((a) => a.active).map((a) => platformName(t, a.platform)))];
  return t("office.canbo.line", {
    name: s.fullName,
    code: s.code,
    role: roleLabel(t, s.role),
    unit: s.unit.shortName ?? s.unit.code,
    bound: bound.length ? bound.join(", ") : t("office.canbo.notBound"),
    seen: s.lastSeenAt ? formatDateTime(s.lastSeenAt, timeZone) : t("office.canbo.never"),
    inactive: s.active ? "" : t("office.canbo.staffInactive"),
  });
}

export function staffCard(t: Translate, s: StaffSummary, timeZone: string): string {
  const lines = [
    t("office.canbo.cardTitle", { name: s.fullName, code: s.code }),
    t("office.canbo.cardRole", { role: roleLabel(t, s.role), unit: s.unit.name }),
  ];
  if (!s.active) lines.push(t("office.canbo.staffInactiveLine"));
  lines.push("", t("office.canbo.accountsTitle"));
  if (s.accounts.length === 0) lines.push(t("office.canbo.noAccounts"));
  for (const a of s.accounts) lines.push(accountLine(t, a, timeZone));
  lines.push("", t("office.canbo.lastSeen", { at: s.lastSeenAt ? formatDateTime(s.lastSeenAt, timeZone) : t("office.canbo.never") }));
  return lines.join("\n");
}

function dirData(turn: Turn): DirData {
  const d = turn.flow?.flow === STAFF_FLOW ? (turn.flow.data as Partial<DirData>) : {};
  return { query: typeof d.query === "string" ? d.query : "", page: typeof d.page === "number" ? d.page : 0 };
}

async function showList(turn: Turn, query: string, page: number) {
  const { t } = turn;
  const tz = turn.deps.config.timezone;
  const res = await searchStaff(turn.deps.db, query, page, PAGE_SIZE);
  // The list stays open: the office types another name to search again.
  await setFlow(turn.deps.db, turn.identity!.id, { flow: STAFF_FLOW, step: "results", data: { query, page: res.page } }, turn.now);
  if (res.total === 0) return turn.reply.show({ text: t("office.canbo.noMatch", { query }) }, { replace: true });
  const head = query ? t("office.canbo.titleQuery", { query, count: res.total }) : t("office.canbo.titleAll", { count: res.total });
  const lines = [head, t("office.canbo.page", { page: res.page + 1, pages: res.pages }), "", ...res.items.map((s) => staffLine(t, s, tz)), "", t("office.canbo.hint")];
  const buttons: Button[][] = res.items.map((s) => [button(`${s.fullName} (${s.code})`, A.staffDir.show.build({ id: s.id }))]);
  const nav: Button[] = [];
  if (res.page > 0) nav.push(button(t("tasks.prev"), A.staffDir.page.build({ page: res.page - 1 })));
  if (res.page + 1 < res.pages) nav.push(button(t("tasks.next"), A.staffDir.page.build({ page: res.page + 1 })));
  if (nav.length) buttons.push(nav);
  await turn.reply.show({ text: lines.join("\n"), buttons }, { replace: true });
}

async function showCard(turn: Turn, id: number) {
  const { t } = turn;
  const s = await staffSummary(turn.deps.db, { id });
  if (!s) return turn.reply.notice(t("office.canbo.notFound"), { alert: true });
  const active = s.accounts.filter((a) => a.active);
  const buttons: Button[][] = active.map((a) => [button(t("office.canbo.unbindOne", { platform: platformName(t, a.platform) }), A.staffDir.unbind.build({ id, platform: a.platform }))]);
  if (active.length > 1) buttons.push([button(t("office.canbo.unbindAll"), A.staffDir.unbind.build({ id }))]);
  buttons.push([button(t("office.canbo.backToList"), A.staffDir.page.build({ page: dirData(turn).page }))]);
  await turn.reply.show({ text: staffCard(t, s, turn.deps.config.timezone), buttons }, { replace: true });
}

async function askUnbind(turn: Turn, id: number, platform: string | undefined) {
  const { t } = turn;
  const s = await staffSummary(turn.deps.db, { id });
  if (!s) return turn.reply.notice(t("office.canbo.notFound"), { alert: true });
  if (s.id === turn.identity!.staffId) return turn.reply.notice(t("office.canbo.self"), { alert: true });
  const accounts = s.accounts.filter((a) => a.active && (!platform || a.platform === platform));
  if (accounts.length === 0) return turn.reply.notice(t("office.canbo.nothingToUnbind"), { alert: true });
  const which = platform ? platformName(t, platform) : t("office.canbo.allChannels");
  const text = [
    t("office.canbo.confirmTitle", { which, name: s.fullName, code: s.code }),
    "",
    ...accounts.map((a) => accountLine(t, a, turn.deps.config.timezone)),
    "",
    t("office.canbo.confirmNote"),
  ].join("\n");
  const buttons = [
    [button(t("office.canbo.confirmYes"), A.staffDir.unbindYes.build({ id, ...(platform ? { platform } : {}) }))],
    [button(t("common.back"), A.staffDir.show.build({ id }))],
  ];
  await turn.reply.show({ text, buttons }, { replace: true });
}

const UNBIND_REFUSALS = {
  forbidden: "common.noPermission",
  notFound: "office.canbo.notFound",
  self: "office.canbo.self",
  nothingBound: "office.canbo.nothingToUnbind",
} as const satisfies Record<string, TKey>;

async function unbind(turn: Turn, id: number, platform: string | undefined) {
  const res = await unbindStaff(turn.deps.db, officeActor(turn), { id }, { platform, now: turn.now });
  if (!res.ok) return turn.reply.notice(turn.t(UNBIND_REFUSALS[res.reason]), { alert: true });
  await turn.reply.notice(turn.t("office.canbo.unbound", { name: res.staff.fullName, count: res.accounts, invites: res.invitesRevoked }));
  await showCard(turn, id);
}

export const staffDirectoryCommand = defineCommand(
  { name: "canbo", aliases: ["staff"], roles: OFFICE, requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.canbo" },
  (c) => {
    c.check(officeOnly);
    c.message(async (turn) => {
      const typed = turn.command ? turn.command.args : turn.input.kind === "message" ? (turn.input.text ?? "") : "";
      if (!turn.command && turn.input.kind === "message" && turn.input.text === undefined) return refuse(turn, "office.canbo.textExpected");
      const query = typed.normalize("NFC").replace(/\s+/g, " ").trim();
      if (charLength(query) > QUERY_MAX) return turn.reply.show(turn.t("office.canbo.queryTooLong", { max: QUERY_MAX }));
      return showList(turn, query, 0);
    });
    c.action(A.staffDir.page, (turn, { page }) => showList(turn, dirData(turn).query, page));
    c.action(A.staffDir.show, (turn, { id }) => showCard(turn, id));
    c.action(A.staffDir.unbind, (turn, { id, platform }) => askUnbind(turn, id, platform));
    c.action(A.staffDir.unbindYes, (turn, { id, platform }) => (platform !== undefined && platform.length > 16 ? NOT_HANDLED : unbind(turn, id, platform)));
  },
);
