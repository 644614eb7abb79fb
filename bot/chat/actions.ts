// Every action a button can carry, in one place: commands decode them, services build them
// (reminders, digests, notices to someone else). The wire strings are the ones the bot has
// always used, so buttons under messages sent before an upgrade keep working.
import { defineAction, int, oneOf, optional, word } from "./action.js";

const FILTERS = ["all", "overdue", "soon"] as const;
const KEY = /^[a-z][a-z0-9_]*$/;
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
