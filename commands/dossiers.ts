// /hoso: the one-stop dossiers a person may see, sorted by due date, with filters (quá hạn,
// sắp đến hạn), paging and a detail view; and the buttons of the dossier reminders:
// "Đã xử lý" (asks for the return date, records it) and "Nhắc lại sau". Every button is
// checked again against the person's rights by the services.
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/context.js";
import { parseDate } from "../bot/import/index.js";
import { type IsoDate, toLocalDate, type WorkingCalendar } from "../bot/services/calendar/index.js";
import { type ActionContext, checkCanReportReturned, reportReturned, type ReturnResult, snoozeDossier } from "../bot/services/dossiers/actions.js";
import type { DossierViewer } from "../bot/services/dossiers/access.js";
import { standingText, statusLabel } from "../bot/services/dossiers/format.js";
import { type DossierDetail, type DossierFilter, dossierDetail, isDossierFilter, listOpenDossiers } from "../bot/services/dossiers/queries.js";
import { clearFlow, setFlow } from "../bot/services/flows.js";
import { seesAllUnits } from "../bot/services/roles.js";
import { getSetting } from "../bot/services/settings.js";
import { foldText, shorten } from "../bot/services/text.js";
import { defineCommand } from "../bot/telegram/commands.js";
import { formatDate, formatDateTime } from "../bot/services/date-text.js";

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

function viewerOf(ctx: BotContext): DossierViewer {
  const s = ctx.identity!.staff;
  return { staffId: s.id, role: s.role, unitId: s.unitId };
}

async function calendarAndToday(ctx: BotContext): Promise<{ calendar: WorkingCalendar; today: IsoDate }> {
  const calendar = await ctx.deps.calendar.get();
  return { calendar, today: toLocalDate(ctx.now, calendar.tzOffsetMinutes) };
}

function actionContext(ctx: BotContext, calendar: WorkingCalendar, today: IsoDate): ActionContext {
  return { db: ctx.deps.db, calendar, timeZone: ctx.deps.config.timezone, now: ctx.now, today, actor: `telegram:${ctx.from!.id}` };
}

// ---------------------------------------------------------------- list

async function listView(ctx: BotContext, filter: DossierFilter, page: number): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const { t } = ctx;
  const { calendar, today } = await calendarAndToday(ctx);
  const viewer = viewerOf(ctx);
  const dueSoonDays = await getSetting(ctx.deps.db, "dossiers.dueSoonWorkingDays");
  const { items: shown, total, page: current, pages, lastImportAt } = await listOpenDossiers(ctx.deps.db, calendar, viewer, { filter, today, dueSoonDays, page, pageSize: PAGE_SIZE });
  const title = filter === "overdue" ? t("dossiers.titleOverdue") : filter === "soon" ? t("dossiers.titleSoon", { days: dueSoonDays }) : t("dossiers.title");
  const scope = seesAllUnits(viewer.role)
    ? t("dossiers.scope.all")
    : viewer.role === "truong_phong"
      ? t("dossiers.scope.unit", { unit: ctx.identity!.staff.unit.name })
      : t("dossiers.scope.own");
  const lines = [title, scope, lastImportAt ? t("dossiers.importedAt", { at: formatDateTime(lastImportAt, ctx.deps.config.timezone) }) : t("dossiers.neverImported")];
  if (lastImportAt && calendar.workingHoursBetween(lastImportAt, ctx.now) > STALE_AFTER_WORKING_HOURS) lines.push(t("dossiers.stale"));
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
  const kb = new InlineKeyboard();
  shown.forEach((item, i) => {
    kb.text(shorten(item.code, 28), `hoso:view:${item.id}:${filter}:${current}`);
    if (i % 2 === 1) kb.row();
  });
  if (shown.length % 2 === 1) kb.row();
  if (pages > 1) {
    if (current > 1) kb.text(t("dossiers.prev"), `hoso:list:${filter}:${current - 1}`);
    if (current < pages) kb.text(t("dossiers.next"), `hoso:list:${filter}:${current + 1}`);
    kb.row();
  }
  for (const f of ["all", "overdue", "soon"] as const) kb.text(`${f === filter ? "✓ " : ""}${t(`dossiers.filters.${f}`)}`, `hoso:list:${f}:1`);
  return { text: lines.join("\n"), keyboard: kb };
}

// ---------------------------------------------------------------- detail

function detailView(ctx: BotContext, d: DossierDetail, back: { filter: DossierFilter; page: number }): { text: string; keyboard: InlineKeyboard } {
  const { t } = ctx;
  const tz = ctx.deps.config.timezone;
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
  const kb = new InlineKeyboard();
  if (d.canAct && d.standing.kind !== "closed") kb.text(t("dossiers.buttons.done"), `hoso:done:${x.id}`);
  if (x.status === "dang_xu_ly") kb.text(t("dossiers.buttons.apology"), `xinloi:make:${x.id}`);
  kb.row().text(t("dossiers.buttons.back"), `hoso:list:${back.filter}:${back.page}`);
  return { text: lines.join("\n"), keyboard: kb };
}

function sourceKey(source: string): "import" | "api" | "chat" {
  return source === "api" || source === "chat" ? source : "import";
}

// ---------------------------------------------------------------- replies

async function show(ctx: BotContext, view: { text: string; keyboard: InlineKeyboard }, edit: boolean): Promise<void> {
  if (edit) {
    await ctx.editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard }).catch((e: unknown) => {
      if (!String((e as Error).message).includes("message is not modified")) throw e;
    });
    return;
  }
  await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
}

async function askReturnDate(ctx: BotContext, dossierId: number, code: string, calendar: WorkingCalendar, today: IsoDate): Promise<void> {
  await setFlow(ctx.deps.db, ctx.identity!.id, { flow: FLOW, step: "returnDate", data: { dossierId } }, ctx.now);
  const previous = calendar.previousWorkingDay(today);
  const kb = new InlineKeyboard()
    .text(ctx.t("dossiers.buttons.today", { date: formatDate(today) }), `hoso:ret:${dossierId}:${today.replace(/-/g, "")}`)
    .text(ctx.t("dossiers.buttons.yesterday", { date: formatDate(previous) }), `hoso:ret:${dossierId}:${previous.replace(/-/g, "")}`);
  await ctx.reply(ctx.t("dossiers.askDate", { code }), { parse_mode: "HTML", reply_markup: kb });
}

/** Answers the outcome of "Đã xử lý"; true when the flow is over (recorded, or nothing to record). */
async function answerReturn(ctx: BotContext, res: ReturnResult): Promise<boolean> {
  const { t } = ctx;
  if (res.ok) {
    await ctx.reply(t(res.status === "da_tra_dung_han" ? "dossiers.returnedOnTime" : "dossiers.returnedLate", { code: res.code, date: formatDate(res.returnedDate) }), {
      parse_mode: "HTML",
    });
    return true;
  }
  switch (res.reason) {
    case "future":
      await ctx.reply(t("dossiers.futureDate"));
      return false;
    case "beforeReceived":
      await ctx.reply(t("dossiers.beforeReceived", { date: formatDate(res.receivedDate!) }));
      return false;
    case "closed":
      await ctx.reply(t("dossiers.closed", { code: res.code! }), { parse_mode: "HTML" });
      return true;
    case "forbidden":
      await ctx.reply(t("dossiers.forbiddenShort"));
      return true;
    default:
      await ctx.reply(t("dossiers.notFoundShort"));
      return true;
  }
}

const ID = /^\d{1,9}$/;
const PAGE = /^\d{1,4}$/;

export const dossiersCommand = defineCommand(
  { name: "hoso", aliases: ["dossiers"], roles: "any", requiresBinding: true, privateOnly: true, inMenu: true, descriptionKey: "commands.hoso" },
  (c) => {
    c.on("message", async (ctx: BotContext) => {
      // A reply in the "Đã xử lý" flow: the return date, typed.
      if (!ctx.command && ctx.flow?.flow === FLOW) {
        const dossierId = Number(ctx.flow.data.dossierId);
        const text = ctx.message?.text ?? "";
        const parsed = parseDate(text.trim());
        if (!parsed.ok || parsed.value === null) {
          await ctx.reply(ctx.t("dossiers.badDate", { value: shorten(text.trim(), 40) }));
          return;
        }
        const { calendar, today } = await calendarAndToday(ctx);
        const res = await reportReturned(actionContext(ctx, calendar, today), viewerOf(ctx), dossierId, parsed.value);
        if (await answerReturn(ctx, res)) await clearFlow(ctx.deps.db, ctx.identity!.id);
        return;
      }
      const args = (ctx.command?.args ?? "").trim();
      const filter = args === "" ? "all" : FILTER_WORDS[foldText(args)];
      if (filter) return show(ctx, await listView(ctx, filter, 1), false);
      if (/\s/.test(args) || args.length > 64) {
        await ctx.reply(ctx.t("dossiers.usage"), { parse_mode: "HTML" });
        return;
      }
      const { calendar, today } = await calendarAndToday(ctx);
      const res = await dossierDetail(ctx.deps.db, calendar, viewerOf(ctx), { code: args }, today);
      if (!res.ok) {
        await ctx.reply(`${ctx.t("dossiers.notFound", { code: args })}\n\n${ctx.t("dossiers.usage")}`, { parse_mode: "HTML" });
        return;
      }
      await show(ctx, detailView(ctx, res.detail, { filter: "all", page: 1 }), false);
    });

    c.on("callback_query:data", async (ctx: BotContext, next) => {
      const [, action, a, b, page, ...extra] = ctx.callbackQuery!.data!.split(":");
      if (extra.length) return next();
      const viewer = viewerOf(ctx);
      if (action === "list" && isDossierFilter(a) && b !== undefined && PAGE.test(b) && page === undefined) {
        await ctx.answerCallbackQuery();
        return show(ctx, await listView(ctx, a, Number(b)), true);
      }
      // hoso:view:<id> (from a reminder) or hoso:view:<id>:<filter>:<page> (from the list)
      const fromList = isDossierFilter(b) && page !== undefined && PAGE.test(page);
      if (action === "view" && a !== undefined && ID.test(a) && (fromList || (b === undefined && page === undefined))) {
        const { calendar, today } = await calendarAndToday(ctx);
        const res = await dossierDetail(ctx.deps.db, calendar, viewer, { id: Number(a) }, today);
        if (!res.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t("dossiers.notFoundShort"), show_alert: true }));
        await ctx.answerCallbackQuery();
        // From the list the detail replaces it; from a reminder it comes as a new message.
        return show(ctx, detailView(ctx, res.detail, fromList ? { filter: b as DossierFilter, page: Number(page) } : { filter: "all", page: 1 }), fromList);
      }
      if (page !== undefined) return next();
      if (action === "done" && a !== undefined && ID.test(a) && b === undefined) {
        const { calendar, today } = await calendarAndToday(ctx);
        const check = await checkCanReportReturned(actionContext(ctx, calendar, today), viewer, Number(a));
        if (!check.ok) return void (await ctx.answerCallbackQuery({ text: refusalShort(ctx, check.reason), show_alert: true }));
        await ctx.answerCallbackQuery();
        return askReturnDate(ctx, Number(a), check.code, calendar, today);
      }
      if (action === "ret" && a !== undefined && ID.test(a) && b !== undefined && /^\d{8}$/.test(b)) {
        const date = `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6, 8)}`;
        const parsed = parseDate(date);
        if (!parsed.ok || parsed.value !== date) return next();
        const { calendar, today } = await calendarAndToday(ctx);
        const res = await reportReturned(actionContext(ctx, calendar, today), viewer, Number(a), date);
        if (!res.ok && res.reason !== "future" && res.reason !== "beforeReceived") {
          return void (await ctx.answerCallbackQuery({ text: refusalShort(ctx, res.reason), show_alert: true }));
        }
        await ctx.answerCallbackQuery();
        // The question's buttons are spent once the date is recorded.
        if (res.ok) await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
        if (await answerReturn(ctx, res)) await clearFlow(ctx.deps.db, ctx.identity!.id);
        return;
      }
      if (action === "snooze" && a !== undefined && ID.test(a) && b === undefined) {
        const { calendar, today } = await calendarAndToday(ctx);
        const res = await snoozeDossier(actionContext(ctx, calendar, today), viewer, Number(a));
        if (!res.ok) {
          const text = res.reason === "forbidden" ? ctx.t("dossiers.snoozeForbiddenShort") : refusalShort(ctx, res.reason);
          return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
        }
        await ctx.answerCallbackQuery({ text: ctx.t("dossiers.snoozed", { code: res.code, date: formatDate(res.until) }) });
        return;
      }
      return next(); // unknown or forged: the fallback says the button is invalid
    });
  },
);

function refusalShort(ctx: BotContext, reason: string): string {
  if (reason === "closed") return ctx.t("dossiers.closedShort");
  if (reason === "forbidden") return ctx.t("dossiers.forbiddenShort");
  return ctx.t("dossiers.notFoundShort");
}
