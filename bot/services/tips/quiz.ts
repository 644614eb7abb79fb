// The optional one-question quiz of a tip: answered once per person and tip, with buttons;
// the office sees participation and correct-answer rates per unit.
import type { Db } from "../../db/client.js";
import type { Locale } from "../../i18n.js";
import type { TipQuizText } from "../../seed-data/security-tips.js";
import type { TipRow } from "./next-tip.js";
import { isUniqueViolation } from "../../db/errors.js";

export interface TipQuiz {
  correct: number;
  vi: TipQuizText;
  en: TipQuizText;
}

export function parseQuiz(tip: Pick<TipRow, "quiz">): TipQuiz | null {
  if (!tip.quiz) return null;
  try {
    const q = JSON.parse(tip.quiz) as TipQuiz;
    return Number.isInteger(q.correct) && Array.isArray(q.vi?.options) && Array.isArray(q.en?.options) ? q : null;
  } catch {
    return null;
  }
}

export type QuizAnswerResult =
  | { status: "recorded" | "already"; correct: boolean; chosen: number; correctIndex: number; explanation: string }
  /** No such tip, no quiz, an option out of range, or a tip never delivered to this person. */
  | { status: "invalid" };

export async function answerQuiz(db: Db, staffId: number, tipId: number, chosen: number, locale: Locale, now: Date): Promise<QuizAnswerResult> {
  const tip = await db.tip.findUnique({ where: { id: tipId } });
  const quiz = tip ? parseQuiz(tip) : null;
  if (!tip || !quiz || !Number.isInteger(chosen) || chosen < 0 || chosen >= quiz.vi.options.length) return { status: "invalid" };
  // Callback data can be forged: only a tip this person was actually given can be answered.
  const delivered = await db.tipDelivery.findFirst({ where: { staffId, tipId }, select: { id: true } });
  if (!delivered) return { status: "invalid" };
  const explanation = quiz[locale].explanation;
  const previous = await db.quizAnswer.findUnique({ where: { staffId_tipId: { staffId, tipId } } });
  if (previous) return { status: "already", correct: previous.correct, chosen: previous.chosen, correctIndex: quiz.correct, explanation };
  const correct = chosen === quiz.correct;
  try {
    await db.quizAnswer.create({ data: { staffId, tipId, chosen, correct, at: now } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const first = await db.quizAnswer.findUniqueOrThrow({ where: { staffId_tipId: { staffId, tipId } } });
    return { status: "already", correct: first.correct, chosen: first.chosen, correctIndex: quiz.correct, explanation };
  }
  return { status: "recorded", correct, chosen, correctIndex: quiz.correct, explanation };
}

export interface UnitQuizStats {
  unitId: number;
  unitName: string;
  staff: number;
  /** Distinct (person, tip) pairs where a tip with a quiz was delivered. */
  quizzesDelivered: number;
  answers: number;
  correct: number;
  /** People who answered at least one quiz. */
  participants: number;
}

export interface QuizStats {
  units: UnitQuizStats[];
  total: Omit<UnitQuizStats, "unitId" | "unitName">;
}

/** Rates per unit (the staff member's current unit), from `since` on when given. */
export async function quizStats(db: Db, opts: { since?: Date } = {}): Promise<QuizStats> {
  const at = opts.since ? { gte: opts.since } : undefined;
  const [units, staff, deliveries, answers] = await Promise.all([
    db.unit.findMany({ where: { active: true, kind: { not: "external" } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
    db.staff.findMany({ where: { active: true }, select: { id: true, unitId: true } }),
    db.tipDelivery.findMany({ where: { tip: { quiz: { not: null } }, ...(at ? { at } : {}) }, select: { staffId: true, tipId: true } }),
    db.quizAnswer.findMany({ where: at ? { at } : {}, select: { staffId: true, correct: true } }),
  ]);
  const unitOf = new Map(staff.map((s) => [s.id, s.unitId]));
  const blank = () => ({ staff: 0, quizzesDelivered: 0, answers: 0, correct: 0, participants: 0 });
  const byUnit = new Map(units.map((u) => [u.id, { unitId: u.id, unitName: u.name, ...blank(), people: new Set<number>() }]));
  for (const s of staff) {
    const u = byUnit.get(s.unitId);
    if (u) u.staff++;
  }
  const pairs = new Set<string>();
  for (const d of deliveries) {
    const key = `${d.staffId}:${d.tipId}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    const u = byUnit.get(unitOf.get(d.staffId) ?? -1);
    if (u) u.quizzesDelivered++;
  }
  for (const a of answers) {
    const u = byUnit.get(unitOf.get(a.staffId) ?? -1);
    if (!u) continue;
    u.answers++;
    if (a.correct) u.correct++;
    u.people.add(a.staffId);
  }
  const list = [...byUnit.values()]
    .filter((u) => u.staff > 0)
    .map(({ people, ...u }) => ({ ...u, participants: people.size }));
  const total = blank();
  for (const u of list) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += u[k];
  return { units: list, total };
}

/** Whole percent, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 100) / whole) : null;
}
