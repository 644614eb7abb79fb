// /hoso: the one-stop dossiers a person may see, sorted by due date, with filters (quá hạn,
// sắp đến hạn), paging and a detail view; and the buttons of the dossier reminders:
// "Đã xử lý" (asks for the return date, records it) and "Nhắc lại sau". Every button is
// checked again against the person's rights by the services.
import { A } from "../bot/chat/actions.js";
import { defineCommand, NOT_HANDLED } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { type Button, checked, grid, type View } from "../bot/chat/view.js";
import { parseDate } from "../bot/import/index.js";
import { type IsoDate, toLocalDate, type WorkingCalendar } from "../bot/services/calendar/index.js";
import { formatDate, formatDateTime } from "../bot/services/date-text.js";
import { type ActionContext, checkCanReportReturned, reportReturned, type ReturnResult, snoozeDossier } from "../bot/services/dossiers/actions.js";
import type { DossierViewer } from "../bot/services/dossiers/access.js";
import { standingText, statusLabel } from "../bot/services/dossiers/format.js";
import { type DossierDetail, type DossierFilter, dossierDetail, listOpenDossiers } from "../bot/services/dossiers/queries.js";
import { clearFlow, setFlow } from "../bot/services/flows.js";
import { seesAllUnits } from "../bot/services/roles.js";
import { getSetting } from "../bot/services/settings.js";
import { foldText, shorten } from "../bot/services/text.js";

const PAGE_SIZE = 10;
const FLOW = "hoso";
/** Office hours since the last import after which the data is flagged as possibly out of date. */
const STALE_AFTER_WORKING_HOURS = 8;

const FILTER_WORDS: Record<string, DossierFilter> = {
  quahan: "overdue",
  "qua han": "overdue",
  overdue: "overdue",
  sapden: "soon",
  "sap den": "soon",
  "sap den han": "soon",
  sapdenhan: "soon",
  soon: "soon",
  tatca: "all",
  "tat ca": "all",
  all: "all",
};

function viewerOf(turn: Turn): DossierViewer {
  const s = turn.identity!.staff;
  return { staffId: s.id, role: s.role, unitId: s.unitId };
}

async function calendarAndToday(turn: Turn): Promise<{ calendar: WorkingCalendar; today: IsoDate }> {
  const calendar = await turn.deps.calendar.get();
  return { calendar, today: toLocalDate(turn.now, calendar.tzOffsetMinutes) };
}

function actionContext(turn: Turn, calendar: WorkingCalendar, today: IsoDate): ActionContext {
  return { db: turn.deps.db, calendar, timeZone: turn.deps.config.timezone, now: turn.now, today, actor: turn.actor };
}

// ---------------------------------------------------------------- list

async function listView(turn: Turn, filter: DossierFilter, page: number): Promise<View> {
  const { t } = turn;
  const { calendar, today } = await calendarAndToday(turn);
  const viewer = viewerOf(turn);
  const dueSoonDays = await getSetting(turn.deps.db, "dossiers.dueSoonWorkingDays");
  const { items: shown, total, page: current, pages, lastImportAt } = await listOpenDossiers(turn.deps.db, calendar, viewer, { filter, today, dueSoonDays, page, pageSize: PAGE_SIZE });
  const title = filter === "overdue" ? t("dossiers.titleOverdue") : filter === "soon" ? t("dossiers.titleSoon", { days: dueSoonDays }) : t("dossiers.title");
  const scope = seesAllUnits(viewer.role)
    ? t("dossiers.scope.all")
    : viewer.role === "truong_phong"
      ? t("dossiers.scope.unit", { unit: turn.identity!.staff.unit.name })
      : t("dossiers.scope.own");
  const lines = [title, scope, lastImportAt ? t("dossiers.importedAt", { at: formatDateTime(lastImportAt, turn.deps.config.timezone) }) : t("dossiers.neverImported")];
  if (lastImportAt && calendar.workingHoursBetween(lastImportAt, turn.now) > STALE_AFTER_WORKING_HOURS) lines.push(t("dossiers.stale"));
  lines.push("");
  if (total === 0) {
    lines.push(t(filter === "overdue" ? "dossiers.emptyOverdue" : filter === "soon" ? "dossiers.emptySoon" : "dossiers.empty"));
  } else {
    const withHandler = viewer.role !== "chuyen_vien";
    shown.forEach((item, i) => {
      const params = {
        n: (current - 1) * PAGE_SIZE + i + 1,
        code: item.code,
        procedure: shorten(item.procedureName, 90),
        standing: standingText(t, item.standing),
        due: formatDate(item.dueDate),
        handler: item.handlerName ?? t("dossiers.noHandler"),
      };
      lines.push(t(withHandler ? "dossiers.lineHandler" : "dossiers.line", params));
    });
    lines.push("", t("dossiers.page", { page: current, pages, total }), t("dossiers.hint"));
  }
  const buttons = grid(
    shown.map((item) => ({ text: shorten(item.code, 28), data: A.dossiers.view.build({ id: item.id, filter, page: current }) })),
    2,
  );
  if (pages > 1) {
    const paging: Button[] = [];
    if (current > 1) paging.push({ text: t("dossiers.prev"), data: A.dossiers.list.build({ filter, page: current - 1 }) });
    if (current < pages) paging.push({ text: t("dossiers.next"), data: A.dossiers.list.build({ filter, page: current + 1 }) });
    buttons.push(paging);
  }
  buttons.push((["all", "overdue", "soon"] as const).map((f) => ({ text: checked(f === filter, t(`dossiers.filters.${f}`)), data: A.dossiers.list.build({ filter: f, page: 1 }) })));
  return { text: lines.join("\n"), buttons };
}

// ---------------------------------------------------------------- detail

function detailView(turn: Turn, d: DossierDetail, back: { filter: DossierFilter; page: number }): View {
  const { t } = turn;
  const tz = turn.deps.config.timezone;
  const x = d.dossier;
  const lines = [
    t("dossiers.detail.title", { code: x.code }),
    t("dossiers.detail.procedure", { value: x.procedureName }),
    t("dossiers.detail.applicant", { value: x.applicant }),
    t("dossiers.detail.unit", { value: x.unit?.name ?? "—" }),
    t("dossiers.detail.handler", { value: x.handler ? `${x.handler.fullName} (${x.handler.code})` : (x.handlerRaw ?? t("dossiers.noHandler")) }),
    t("dossiers.detail.received", { value: formatDateTime(x.receivedAt, tz) }),
    t("dossiers.detail.due", { value: formatDate(d.dueDate) }),
  ];
  if (x.pausedWorkingDays > 0) lines.push(t("dossiers.detail.paused", { count: x.pausedWorkingDays, original: formatDateTime(x.dueAt, tz) }));
  lines.push(t("dossiers.detail.status", { value: statusLabel(t, x.status) }));
  if (d.standing.kind !== "closed") lines.push(t("dossiers.detail.standing", { value: standingText(t, d.standing) }));
  if (d.returnedDate) lines.push(t("dossiers.detail.returned", { value: formatDate(d.returnedDate) }));
  if (x.handledReportedAt) lines.push(t("dossiers.detail.reported", { at: formatDateTime(x.handledReportedAt, tz) }));
  if (x.snoozedUntil && d.standing.kind !== "closed") lines.push(t("dossiers.detail.snoozed", { date: formatDate(x.snoozedUntil) }));
  if (x.history.length) {
    lines.push("", t("dossiers.detail.history"));
    for (const h of x.history) {
      lines.push(t("dossiers.detail.historyLine", { at: formatDateTime(h.at, tz), status: statusLabel(t, h.toStatus), source: t(`dossiers.detail.sources.${sourceKey(h.source)}`) }));
    }
  }
  lines.push("", t("dossiers.detail.imported", { at: formatDateTime(x.importedAt, tz) }));
  const actions: Button[] = [];
  if (d.canAct && d.standing.kind !== "closed") actions.push({ text: t("dossiers.buttons.done"), data: A.dossiers.done.build({ id: x.id }) });
  if (x.status === "dang_xu_ly") actions.push({ text: t("dossiers.buttons.apology"), data: A.apology.make.build({ id: x.id }) });
  const back_: Button = { text: t("dossiers.buttons.back"), data: A.dossiers.list.build({ filter: back.filter, page: back.page }) };
  return { text: lines.join("\n"), buttons: actions.length ? [actions, [back_]] : [[back_]] };
}

function sourceKey(source: string): "import" | "api" | "chat" {
  return source === "api" || source === "chat" ? source : "import";
}

// ---------------------------------------------------------------- replies

async function askReturnDate(turn: Turn, dossierId: number, code: string, calendar: WorkingCalendar, today: IsoDate): Promise<void> {
  await setFlow(turn.deps.db, turn.identity!.id, { flow: FLOW, step: "returnDate", data: { dossierId } }, turn.now);
  const previous = calendar.previousWorkingDay(today);
  const buttons = [
    [
      { text: turn.t("dossiers.buttons.today", { date: formatDate(today) }), data: A.dossiers.returned.build({ id: dossierId, date: today.replace(/-/g, "") }) },
      { text: turn.t("dossiers.buttons.yesterday", { date: formatDate(previous) }), data: A.dossiers.returned.build({ id: dossierId, date: previous.replace(/-/g, "") }) },
    ],
  ];
  await turn.reply.show({ text: turn.t("dossiers.askDate", { code }), buttons });
}

/** Answers the outcome of "Đã xử lý"; true when the flow is over (recorded, or nothing to record). */
async function answerReturn(turn: Turn, res: ReturnResult): Promise<boolean> {
  const { t } = turn;
  if (res.ok) {
    await turn.reply.show(t(res.status === "da_tra_dung_han" ? "dossiers.returnedOnTime" : "dossiers.returnedLate", { code: res.code, date: formatDate(res.returnedDate) }));
    return true;
  }
  switch (res.reason) {
    case "future":
      await turn.reply.show(t("dossiers.futureDate"));
      return false;
    case "beforeReceived":
      await turn.reply.show(t("dossiers.beforeReceived", { date: formatDate(res.receivedDate!) }));
      return false;
    case "closed":
      await turn.reply.show(t("dossiers.closed", { code: res.code! }));
      return true;
    case "forbidden":
      await turn.reply.show(t("dossiers.forbiddenShort"));
      return true;
    default:
      await turn.reply.show(t("dossiers.notFoundShort"));
      return true;
  }
}

/** The "Đã xử lý" date: recorded, or asked again when it cannot be. */
async function recordReturn(turn: Turn, dossierId: number, date: IsoDate) {
  const { calendar, today } = await calendarAndToday(turn);
  return reportReturned(actionContext(turn, calendar, today), viewerOf(turn), dossierId, date);
}

export const dossiersCommand = defineCommand(
  { name: "hoso", aliases: ["dossiers"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.hoso" },
  (c) => {
    c.message(async (turn) => {
      const msg = turn.input.kind === "message" ? turn.input : undefined;
      // A reply in the "Đã xử lý" flow: the return date, typed.
      if (!turn.command && turn.flow?.flow === FLOW) {
        const dossierId = Number(turn.flow.data.dossierId);
        const text = msg?.text ?? "";
        const parsed = parseDate(text.trim());
        if (!parsed.ok || parsed.value === null) return turn.reply.show(turn.t("dossiers.badDate", { value: shorten(text.trim(), 40) }));
        const res = await recordReturn(turn, dossierId, parsed.value);
        if (await answerReturn(turn, res)) await clearFlow(turn.deps.db, turn.identity!.id);
        return;
      }
      const args = (turn.command?.args ?? "").trim();
      const filter = args === "" ? "all" : FILTER_WORDS[foldText(args)];
      if (filter) return turn.reply.show(await listView(turn, filter, 1));
      if (/\s/.test(args) || args.length > 64) return turn.reply.show(turn.t("dossiers.usage"));
      const { calendar, today } = await calendarAndToday(turn);
      const res = await dossierDetail(turn.deps.db, calendar, viewerOf(turn), { code: args }, today);
      if (!res.ok) return turn.reply.show(`${turn.t("dossiers.notFound", { code: args })}\n\n${turn.t("dossiers.usage")}`);
      await turn.reply.show(detailView(turn, res.detail, { filter: "all", page: 1 }));
    });

    c.action(A.dossiers.list, async (turn, { filter, page }) => {
      if (page > 9999) return NOT_HANDLED;
      await turn.reply.show(await listView(turn, filter, page), { replace: true });
    });

    // From the list (with its filter and page) the detail replaces it; from a reminder it comes as a new message.
    c.action(A.dossiers.view, async (turn, { id, filter, page }) => {
      const fromList = filter !== undefined && page !== undefined;
      if (filter !== undefined && !fromList) return NOT_HANDLED;
      const { calendar, today } = await calendarAndToday(turn);
      const res = await dossierDetail(turn.deps.db, calendar, viewerOf(turn), { id }, today);
      if (!res.ok) return turn.reply.notice(turn.t("dossiers.notFoundShort"), { alert: true });
      await turn.reply.show(detailView(turn, res.detail, fromList ? { filter, page } : { filter: "all", page: 1 }), { replace: fromList });
    });

    c.action(A.dossiers.done, async (turn, { id }) => {
      const { calendar, today } = await calendarAndToday(turn);
      const check = await checkCanReportReturned(actionContext(turn, calendar, today), viewerOf(turn), id);
      if (!check.ok) return turn.reply.notice(refusalShort(turn, check.reason), { alert: true });
      await askReturnDate(turn, id, check.code, calendar, today);
    });

    c.action(A.dossiers.returned, async (turn, { id, date: compact }) => {
      const date = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
      const parsed = parseDate(date);
      if (!parsed.ok || parsed.value !== date) return NOT_HANDLED;
      const res = await recordReturn(turn, id, date);
      if (!res.ok && res.reason !== "future" && res.reason !== "beforeReceived") return turn.reply.notice(refusalShort(turn, res.reason), { alert: true });
      // The question's buttons are spent once the date is recorded.
      if (res.ok) await turn.reply.clearButtons();
      if (await answerReturn(turn, res)) await clearFlow(turn.deps.db, turn.identity!.id);
    });

    c.action(A.dossiers.snooze, async (turn, { id }) => {
      const { calendar, today } = await calendarAndToday(turn);
      const res = await snoozeDossier(actionContext(turn, calendar, today), viewerOf(turn), id);
      if (!res.ok) return turn.reply.notice(res.reason === "forbidden" ? turn.t("dossiers.snoozeForbiddenShort") : refusalShort(turn, res.reason), { alert: true });
      await turn.reply.notice(turn.t("dossiers.snoozed", { code: res.code, date: formatDate(res.until) }));
    });
  },
);

function refusalShort(turn: Turn, reason: string): string {
  if (reason === "closed") return turn.t("dossiers.closedShort");
  if (reason === "forbidden") return turn.t("dossiers.forbiddenShort");
  return turn.t("dossiers.notFoundShort");
}
