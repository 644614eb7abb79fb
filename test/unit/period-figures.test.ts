// A period's measured figures (bot/services/reports/figures.ts) on a seeded department, on
// SQLite and on PostgreSQL: each figure equals a direct count over every row, taken the naive
// way (read everything, filter in JavaScript by the documented definitions), and rows dated
// after the period's end (a later report, a later acknowledgement, a later closing) change
// nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { loadDemoStaff } from "../../bot/seed-data/demo-staff.js";
import { toLocalDate } from "../../bot/services/calendar/index.js";
import { periodFigures, periodFiguresByUnit, type PeriodFigures } from "../../bot/services/reports/figures.js";
import { periodAsOf, periodStart, resolvePeriod, type Period } from "../../bot/services/reports/periods.js";
import { syncTipLibrary } from "../../bot/services/tips/library.js";
import { createTestDatabase, pgAvailable, type TestDatabase } from "../helpers/db.js";
import { vn } from "../helpers/jobs.js";

const TZ = "Asia/Ho_Chi_Minh";
const hasPg = await pgAvailable();

/** A quarter of a small department's life, with rows on both sides of the period's bounds. */
async function seedQuarter(db: Db) {
  await loadDemoStaff(db);
  await syncTipLibrary(db);
  const units = new Map((await db.unit.findMany()).map((u) => [u.code, u.id]));
  const staff = new Map((await db.staff.findMany()).map((s) => [s.code, s]));
  const u = (c: string) => units.get(c)!;
  const s = (c: string) => staff.get(c)!;

  let n = 0;
  const dossier = async (unit: string | null, received: Date, due: string, status: string, returned?: Date, history: { to: string; at: Date }[] = []) =>
    db.dossier.create({
      data: {
        code: `HS-${++n}`,
        procedureName: "Thủ tục",
        applicant: "Công ty A",
        unitId: unit ? u(unit) : null,
        receivedAt: received,
        dueAt: vn(due, "17:00"),
        status,
        returnedAt: returned ?? null,
        history: { create: history.map((h) => ({ toStatus: h.to, at: h.at, source: "import" })) },
      },
    });
  await dossier("QLKH", vn("2026-12-20", "09:00"), "2027-01-12", "da_tra_dung_han", vn("2027-01-08", "10:00")); // received before, handled in
  await dossier("QLKH", vn("2027-01-05", "09:00"), "2027-01-20", "da_tra_dung_han", vn("2027-01-19", "10:00"));
  await dossier("QLKH", vn("2027-02-22", "09:00"), "2027-03-05", "da_tra_tre_han", vn("2027-03-10", "10:00"));
  await dossier("QLKH", vn("2027-03-01", "09:00"), "2027-03-15", "dang_xu_ly"); // pending, overdue at the end
  await dossier("QLKH", vn("2027-03-25", "09:00"), "2027-04-08", "dang_xu_ly"); // pending, not yet due
  await dossier("QLCS", vn("2027-03-02", "09:00"), "2027-03-12", "cho_bo_sung"); // pending, waiting: not overdue
  await dossier("QLCS", vn("2027-03-03", "09:00"), "2027-03-16", "da_tra_dung_han", vn("2027-04-02", "10:00")); // returned after: pending then, overdue then
  await dossier("QLCS", vn("2027-01-10", "09:00"), "2027-01-25", "da_huy", undefined, [{ to: "da_huy", at: vn("2027-01-15", "10:00") }]);
  await dossier("QLCS", vn("2027-04-05", "09:00"), "2027-04-20", "dang_xu_ly"); // received after the period
  await dossier(null, vn("2027-02-24", "09:00"), "2027-03-08", "da_tra_dung_han", vn("2027-03-04", "10:00")); // no unit: the department only

  // Tasks: the seeded plan (every internal unit leads most of it), plus a few of one unit each.
  const task = (code: string, unit: string, dueDate: string | null, createdAt = vn("2026-12-01", "08:00")) =>
    db.task.create({
      data: { code, sortKey: code, section: "X", title: `Việc ${code}`, content: "Nội dung", dueDate, recurring: dueDate === null, createdAt, units: { create: [{ unitId: u(unit), role: "lead" }] } },
    });
  const q1 = await task("X.1", "QLKH", "2027-03-15");
  const q2 = await task("X.2", "QLKH", "2027-03-20");
  const q3 = await task("X.3", "QLKH", null);
  const q4 = await task("X.4", "QLKH", "2027-02-15");
  const c1 = await task("X.5", "QLCS", "2027-06-30");
  const c2 = await task("X.6", "QLCS", "2027-01-31");
  const report = (taskId: number, who: string, percent: number, at: Date) =>
    db.progressReport.create({ data: { taskId, staffId: s(who).id, unitId: s(who).unitId, percent, createdAt: at } });
  await report(q1.id, "QL02", 40, vn("2027-01-20", "10:00"));
  await report(q1.id, "QL02", 100, vn("2027-03-20", "10:00")); // done in the quarter
  await report(q2.id, "QL02", 60, vn("2027-02-10", "10:00"));
  await report(q2.id, "QL02", 100, vn("2027-04-10", "10:00")); // done after: in progress then
  await report(q3.id, "QL02", 0, vn("2027-02-10", "10:00"));
  await report(c1.id, "CS02", 50, vn("2027-03-01", "10:00"));
  await report(c1.id, "KH02", 100, vn("2027-03-02", "10:00")); // another unit's report: done for the department
  await db.task.update({ where: { id: q4.id }, data: { status: "closed", closedAt: vn("2027-02-01", "10:00") } });
  await db.task.update({ where: { id: c2.id }, data: { status: "closed", closedAt: vn("2027-04-20", "10:00") } }); // closed after
  await task("X.7", "QLKH", "2027-05-01", vn("2027-04-15", "10:00")); // given after the quarter

  // Alerts: one before the quarter, two in it (one asks for remediation), one cancelled in it.
  const everyone = [...staff.values()];
  const alert = async (sentAt: Date, opts: { cancelledAt?: Date; remediation?: boolean } = {}) =>
    db.securityAlert.create({
      data: {
        severity: "cao",
        title: "Cảnh báo",
        body: "Nội dung",
        status: opts.cancelledAt ? "cancelled" : "sent",
        requireRemediation: opts.remediation ?? false,
        sentAt,
        cancelledAt: opts.cancelledAt ?? null,
        recipients: { create: everyone.map((p) => ({ staffId: p.id, unitId: p.unitId })) },
      },
      include: { recipients: true },
    });
  const before = await alert(vn("2026-12-10", "09:00"));
  const a1 = await alert(vn("2027-02-01", "09:00"), { remediation: true });
  const a2 = await alert(vn("2027-03-10", "09:00"));
  await alert(vn("2027-03-11", "09:00"), { cancelledAt: vn("2027-03-11", "10:00") });
  const ack = (r: { id: number }, at: Date) => db.alertRecipient.update({ where: { id: r.id }, data: { ackAt: at } });
  for (const r of before.recipients) await ack(r, vn("2026-12-10", "10:00"));
  for (const r of a1.recipients.slice(0, 7)) await ack(r, vn("2027-02-01", "10:00"));
  await ack(a1.recipients[8]!, vn("2027-04-03", "10:00")); // read after the quarter
  for (const r of a2.recipients.slice(2, 6)) await ack(r, vn("2027-03-10", "11:00"));
  const remediate = (unit: string, who: string, handled: number, total: number, at: Date) =>
    db.alertRemediation.create({ data: { alertId: a1.id, unitId: u(unit), handled, total, reportedById: s(who).id, createdAt: at } });
  await remediate("QLKH", "QL01", 2, 10, vn("2027-02-02", "10:00"));
  await remediate("QLKH", "QL01", 8, 10, vn("2027-02-20", "10:00")); // replaces the first
  await remediate("QLKH", "QL01", 10, 10, vn("2027-04-02", "10:00")); // after: not yet
  await remediate("QLCS", "CS01", 3, 4, vn("2027-02-05", "10:00"));

  // Tips and quiz answers, in and out of the quarter.
  const tips = await db.tip.findMany({ orderBy: { id: "asc" }, take: 3 });
  const deliver = (who: string, tip: number, at: Date) => db.tipDelivery.create({ data: { staffId: s(who).id, tipId: tips[tip]!.id, cycle: 1, via: "scheduled", at } });
  const answer = (who: string, tip: number, correct: boolean, at: Date) =>
    db.quizAnswer.create({ data: { staffId: s(who).id, tipId: tips[tip]!.id, chosen: 1, correct, at } });
  await deliver("QL02", 0, vn("2027-01-11", "08:00"));
  await deliver("QL01", 0, vn("2027-01-11", "08:00"));
  await deliver("CS02", 1, vn("2027-02-11", "08:00"));
  await deliver("CS02", 2, vn("2027-04-11", "08:00"));
  await answer("QL02", 0, true, vn("2027-01-11", "09:00"));
  await answer("QL01", 0, false, vn("2027-01-11", "09:00"));
  await answer("CS02", 1, true, vn("2027-02-11", "09:00"));
  await answer("CS02", 2, true, vn("2027-04-11", "09:00"));
  return { units };
}

/** The same figures, the naive way: every row read, the header's definitions applied one by one. */
async function naive(db: Db, period: Period, asOf: Date, unitId: number | null): Promise<Omit<PeriodFigures, "period" | "asOf" | "unitId">> {
  const start = periodStart(period, TZ);
  const asOfDay = toLocalDate(asOf, 420);
  const within = (d: Date | null) => d !== null && d >= start && d <= asOf;
  const rate = (a: number, b: number) => (b ? a / b : null);

  const allDossiers = (await db.dossier.findMany({ include: { history: true } })).filter((d) => unitId === null || d.unitId === unitId);
  const returned = allDossiers.filter((d) => (d.status === "da_tra_dung_han" || d.status === "da_tra_tre_han") && within(d.returnedAt));
  const pending = allDossiers.filter(
    (d) =>
      d.receivedAt <= asOf &&
      (d.status === "dang_xu_ly" ||
        d.status === "cho_bo_sung" ||
        (d.returnedAt !== null && d.returnedAt > asOf) ||
        (d.status === "da_huy" && d.history.some((h) => h.toStatus === "da_huy" && h.at > asOf))),
  );
  const onTime = returned.filter((d) => d.status === "da_tra_dung_han").length;
  const dossiers = {
    received: allDossiers.filter((d) => within(d.receivedAt)).length,
    handled: returned.length,
    handledOnTime: onTime,
    handledLate: returned.length - onTime,
    pending: pending.length,
    // The seeded due days are plain working days, and no dossier has waited yet.
    overdue: pending.filter((d) => d.status !== "cho_bo_sung" && toLocalDate(d.dueAt, 420) < asOfDay).length,
    onTimeRate: rate(onTime, returned.length),
  };

  const allTasks = (await db.task.findMany({ include: { units: true, reports: true } })).filter(
    (t) => t.createdAt <= asOf && (unitId === null || t.units.some((l) => l.unitId === unitId)),
  );
  let done = 0;
  let inProgress = 0;
  let overdue = 0;
  for (const t of allTasks) {
    const mine = t.reports.filter((r) => r.createdAt <= asOf && (unitId === null || r.unitId === unitId)).sort((a, b) => +a.createdAt - +b.createdAt || a.id - b.id);
    const percent = mine.at(-1)?.percent;
    const isDone = (t.closedAt !== null && t.closedAt <= asOf) || percent === 100;
    if (isDone) done++;
    else if (percent !== undefined && percent > 0) inProgress++;
    if (!isDone && t.dueDate !== null && t.dueDate < asOfDay) overdue++;
  }
  const tasks = { total: allTasks.length, done, inProgress, notStarted: allTasks.length - done - inProgress, overdue, completionRate: rate(done, allTasks.length) };

  const sent = (await db.securityAlert.findMany({ include: { recipients: true, remediations: true } })).filter(
    (a) => within(a.sentAt) && (a.cancelledAt === null || a.cancelledAt > asOf),
  );
  const recipients = sent.flatMap((a) => a.recipients).filter((r) => unitId === null || r.unitId === unitId);
  const latest = new Map<string, { handled: number; total: number }>();
  for (const a of sent)
    for (const r of [...a.remediations].sort((x, y) => +x.createdAt - +y.createdAt || x.id - y.id))
      if (r.createdAt <= asOf && (unitId === null || r.unitId === unitId)) latest.set(`${a.id}:${r.unitId}`, r);
  const read = recipients.filter((r) => r.ackAt !== null && r.ackAt <= asOf).length;
  const alerts = {
    alerts: unitId === null ? sent.length : sent.filter((a) => a.recipients.some((r) => r.unitId === unitId)).length,
    recipients: recipients.length,
    read,
    readRate: rate(read, recipients.length),
    remediationHandled: [...latest.values()].reduce((x, r) => x + r.handled, 0),
    remediationTotal: [...latest.values()].reduce((x, r) => x + r.total, 0),
  };

  const inUnit = (st: { unitId: number }) => unitId === null || st.unitId === unitId;
  const deliveries = (await db.tipDelivery.findMany({ include: { staff: true } })).filter((d) => within(d.at) && inUnit(d.staff));
  const answers = (await db.quizAnswer.findMany({ include: { staff: true } })).filter((a) => within(a.at) && inUnit(a.staff));
  const tips = {
    tipsSent: deliveries.length,
    quizAnswers: answers.length,
    participants: new Set(answers.map((a) => a.staffId)).size,
    correctRate: rate(answers.filter((a) => a.correct).length, answers.length),
  };
  return { dossiers, tasks, alerts, tips };
}

for (const provider of ["sqlite", "postgres"] as const) {
  describe.runIf(provider === "sqlite" || hasPg)(`period figures on ${provider}`, () => {
    let tdb: TestDatabase;
    let units: Map<string, number>;
    let q1: Period;
    const after = new Date("2027-06-15T03:00:00Z");
    let asOf: Date;

    beforeAll(async () => {
      tdb = await createTestDatabase({ provider });
      ({ units } = await seedQuarter(tdb.prisma));
      q1 = (await resolvePeriod(tdb.prisma, "2027-Q1"))!;
      asOf = periodAsOf(q1, after, TZ);
    }, 60_000);
    afterAll(async () => tdb?.drop());

    it("the department's figures equal the direct counts, and what came after the quarter is left out", async () => {
      const f = await periodFigures(tdb.prisma, q1, asOf);
      expect(f).toMatchObject({ unitId: null, asOf, period: { key: "2027-Q1" } });
      const expected = await naive(tdb.prisma, q1, asOf, null);
      expect({ dossiers: f.dossiers, tasks: f.tasks, alerts: f.alerts, tips: f.tips }).toEqual(expected);
      // The scenario, by hand, so the naive count is not merely agreeing with itself.
      expect(f.dossiers).toEqual({ received: 8, handled: 4, handledOnTime: 3, handledLate: 1, pending: 4, overdue: 2, onTimeRate: 0.75 });
      expect(f.alerts).toMatchObject({ alerts: 2, recipients: 20, read: 11, remediationHandled: 11, remediationTotal: 14 });
      expect(f.tips).toEqual({ tipsSent: 3, quizAnswers: 3, participants: 3, correctRate: 2 / 3 });
      const seeded = await tdb.prisma.task.count({ where: { code: { not: { startsWith: "X." } } } });
      // The seeded plan's tasks have no report: not started, some overdue. X.1 reported 100%,
      // X.4 closed, X.5 finished by another unit's report; X.2 in progress; X.6 closed later.
      expect(f.tasks).toMatchObject({ total: seeded + 6, done: 3, inProgress: 1, notStarted: seeded + 2 });
    });

    it("each unit's figures equal the direct counts, one by one and all at once", async () => {
      const all = await periodFiguresByUnit(tdb.prisma, q1, asOf);
      const internal = await tdb.prisma.unit.findMany({ where: { active: true, kind: "internal" } });
      expect([...all.keys()].sort()).toEqual(internal.map((x) => x.id).sort());
      for (const unit of internal) {
        const one = await periodFigures(tdb.prisma, q1, asOf, { unitId: unit.id });
        const expected = await naive(tdb.prisma, q1, asOf, unit.id);
        expect({ dossiers: one.dossiers, tasks: one.tasks, alerts: one.alerts, tips: one.tips }, unit.code).toEqual(expected);
        expect(all.get(unit.id), unit.code).toEqual(one);
      }
      const qlkh = (await periodFigures(tdb.prisma, q1, asOf, { unitId: units.get("QLKH")! }))!;
      expect(qlkh.dossiers).toEqual({ received: 4, handled: 3, handledOnTime: 2, handledLate: 1, pending: 2, overdue: 1, onTimeRate: 2 / 3 });
      expect(qlkh.alerts).toMatchObject({ alerts: 2, remediationHandled: 8, remediationTotal: 10 });
      const seeded = await tdb.prisma.task.count({ where: { code: { not: { startsWith: "X." } }, units: { some: { unitId: units.get("QLCS")! } } } });
      // Another unit's 100% does not finish X.5 for QLCS: its own report says 50%. X.6 (due
      // 31/01, closed in April) was overdue at the quarter's end.
      const qlcs = await periodFigures(tdb.prisma, q1, asOf, { unitId: units.get("QLCS")! });
      expect(qlcs.tasks).toMatchObject({ total: seeded + 2, done: 0, inProgress: 1 });
      expect(qlcs.tasks.overdue).toBeGreaterThanOrEqual(1);
    });

    it("while the quarter runs, figures are as of now; after it, regenerating gives the same numbers", async () => {
      const during = vn("2027-02-15", "12:00");
      const mid = await periodFigures(tdb.prisma, q1, periodAsOf(q1, during, TZ));
      expect({ dossiers: mid.dossiers, tasks: mid.tasks, alerts: mid.alerts, tips: mid.tips }).toEqual(await naive(tdb.prisma, q1, during, null));
      expect(mid.dossiers.received).toBe(2);
      const later = await periodFigures(tdb.prisma, q1, periodAsOf(q1, new Date("2028-01-01T00:00:00Z"), TZ));
      expect(later).toEqual(await periodFigures(tdb.prisma, q1, asOf));
    });
  });
}
