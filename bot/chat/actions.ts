// Every action a button can carry, in one place: commands decode them, services build them
// (reminders, digests, notices to someone else). The wire strings are the ones the bot has
// always used, so buttons under messages sent before an upgrade keep working.
import { AUDIT_GROUPS } from "../services/audit-view.js";
import { defineAction, int, oneOf, optional, word } from "./action.js";

const FILTERS = ["all", "overdue", "soon"] as const;
const KEY = /^[a-z][a-z0-9_]*$/;
const SETTING_KEY = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;
/** A reporting period's key: "2027-Q1", "2027-H1", "2027-Q3", "2027". */
const PERIOD_KEY = /^\d{4}(?:-(?:Q1|H1|Q3))?$/;

export const A = {
  tasks: {
    page: defineAction("nhiemvu", "p", { page: int }),
    detail: defineAction("nhiemvu", "t", { id: int, page: optional(int) }),
    file: defineAction("nhiemvu", "f", { reportId: int }),
    close: defineAction("nhiemvu", "close", { id: int, page: optional(int) }),
    reopen: defineAction("nhiemvu", "reopen", { id: int, page: optional(int) }),
  },
  unit: {
    list: defineAction("donvi", "list"),
    show: defineAction("donvi", "u", { id: int, page: int }),
  },
  report: {
    page: defineAction("baocao", "p", { page: int }),
    task: defineAction("baocao", "t", { id: int }),
    percent: defineAction("baocao", "pct", { percent: int }),
    lower: defineAction("baocao", "lower", { percent: int }),
    skipNote: defineAction("baocao", "skipnote"),
    skipFile: defineAction("baocao", "skipfile"),
    save: defineAction("baocao", "save"),
    cancel: defineAction("baocao", "cancel"),
  },
  dossiers: {
    list: defineAction("hoso", "list", { filter: oneOf(FILTERS), page: int }),
    view: defineAction("hoso", "view", { id: int, filter: optional(oneOf(FILTERS)), page: optional(int) }),
    done: defineAction("hoso", "done", { id: int }),
    returned: defineAction("hoso", "ret", { id: int, date: word(/^\d{8}$/) }),
    snooze: defineAction("hoso", "snooze", { id: int }),
  },
  apology: {
    make: defineAction("xinloi", "make", { id: int }),
  },
  tips: {
    next: defineAction("meoattt", "next"),
    categories: defineAction("meoattt", "cats"),
    category: defineAction("meoattt", "c", { key: word(KEY) }),
    answer: defineAction("meoattt", "q", { tipId: int, option: int }),
  },
  alertAck: {
    ack: defineAction("canhbaodoc", "ack", { recipientId: int }),
  },
  alert: {
    abort: defineAction("canhbao", "abort"),
    restart: defineAction("canhbao", "restart"),
    severity: defineAction("canhbao", "sev", { severity: word(KEY) }),
    audience: defineAction("canhbao", "aud", { audience: oneOf(["all", "units"]) }),
    unit: defineAction("canhbao", "u", { unitId: int }),
    unitsDone: defineAction("canhbao", "udone"),
    remediation: defineAction("canhbao", "rem", { on: oneOf(["1", "0"]) }),
    send: defineAction("canhbao", "send"),
  },
  alertStatus: {
    list: defineAction("tinhtrang", "list"),
    quiz: defineAction("tinhtrang", "quiz"),
    alert: defineAction("tinhtrang", "a", { id: int }),
    cancel: defineAction("tinhtrang", "c", { id: int }),
    cancelYes: defineAction("tinhtrang", "cy", { id: int }),
    correct: defineAction("tinhtrang", "fix", { id: int }),
  },
  remediation: {
    alert: defineAction("khacphuc", "a", { alertId: int }),
    unit: defineAction("khacphuc", "u", { alertId: int, unitId: int }),
    all: defineAction("khacphuc", "all"),
    skip: defineAction("khacphuc", "skip"),
  },
  settings: {
    home: defineAction("caidat", "home"),
    lang: defineAction("caidat", "lang", { locale: word(KEY) }),
    quiet: defineAction("caidat", "quiet", { preset: optional(int) }),
    digest: defineAction("caidat", "digest", { mode: optional(word(KEY)) }),
    tips: defineAction("caidat", "tips", { frequency: optional(word(KEY)) }),
    channel: defineAction("caidat", "kenh", { platform: optional(word(KEY)) }),
  },
  deliveryLog: {
    period: defineAction("guitin", "d", { days: int }),
  },
  // Office actions (issue 15): the registry, the office settings, the audit log, the calendar.
  staffDir: {
    page: defineAction("canbo", "p", { page: int }),
    show: defineAction("canbo", "s", { id: int }),
    unbind: defineAction("canbo", "u", { id: int, platform: optional(word(KEY)) }),
    unbindYes: defineAction("canbo", "uy", { id: int, platform: optional(word(KEY)) }),
  },
  officeSettings: {
    list: defineAction("thietlap", "list"),
    show: defineAction("thietlap", "k", { key: word(SETTING_KEY) }),
    // nonce: the value typed last, so an older confirmation cannot save a newer value.
    confirm: defineAction("thietlap", "ok", { key: word(SETTING_KEY), nonce: int }),
    cancel: defineAction("thietlap", "no"),
  },
  auditLog: {
    // "-" stands for no filter word / no day; upTo anchors the pages at the newest entry first shown.
    page: defineAction("nhatky", "p", { page: int, upTo: int, group: oneOf(AUDIT_GROUPS), word: word(/^(-|[A-Za-z0-9_.-]{1,20})$/), date: word(/^(-|\d{8})$/) }),
  },
  calendar: {
    month: defineAction("lich", "m", { year: int, month: int }),
  },
  officeImport: {
    kind: defineAction("nhap", "k", { kind: oneOf(["staff", "tasks", "dossiers", "holidays"]) }),
    go: defineAction("nhap", "go", { deactivate: optional(oneOf(["1"])) }),
    cancel: defineAction("nhap", "x"),
  },
  templates: {
    kind: defineAction("mau", "k", { kind: oneOf(["staff", "tasks", "dossiers", "holidays"]) }),
  },
  invites: {
    unbound: defineAction("moi", "all"),
  },
  submitReport: {
    unit: defineAction("nopbaocao", "u", { unitId: int }),
    period: defineAction("nopbaocao", "p", { unitId: int, key: word(PERIOD_KEY) }),
    skip: defineAction("nopbaocao", "skip"),
    keep: defineAction("nopbaocao", "keep"),
    send: defineAction("nopbaocao", "send"),
    cancel: defineAction("nopbaocao", "cancel"),
  },
  periodReport: {
    period: defineAction("baocaoky", "p", { key: word(PERIOD_KEY) }),
    make: defineAction("baocaoky", "make", { key: word(PERIOD_KEY) }),
    close: defineAction("baocaoky", "close", { key: word(PERIOD_KEY) }),
    closeYes: defineAction("baocaoky", "closeyes", { key: word(PERIOD_KEY) }),
  },
  indicators: {
    show: defineAction("chiso", "v", { period: word(PERIOD_KEY), unitId: optional(int) }),
    units: defineAction("chiso", "units", { period: word(PERIOD_KEY) }),
    enter: defineAction("chiso", "nhap", { period: word(PERIOD_KEY) }),
    pick: defineAction("chiso", "k", { key: word(KEY) }),
    today: defineAction("chiso", "today"),
    save: defineAction("chiso", "save"),
    cancel: defineAction("chiso", "cancel"),
  },
} as const;
