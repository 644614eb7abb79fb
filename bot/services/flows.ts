// Guided flows (pick a task, then a percentage, then a note...) keep their state in the
// database: they survive a restart, work with several instances, and expire when left idle.
import type { z } from "zod";
import type { Db } from "../db/client.js";

export const FLOW_IDLE_MINUTES = 15;

export interface FlowState {
  flow: string;
  step: string;
  data: Record<string, unknown>;
}

export interface ReadFlow {
  state: FlowState | null;
  /** The flow that had been left idle too long (reported once, then forgotten). */
  expired: string | null;
}

/**
 * The data of the guided flow `flow` (at one of `steps`, when given), read back through the
 * command's schema, so no command casts what the database returns: null for another flow, another
 * step, or data of another shape (left by an older version, or forged).
 */
export function flowData<S extends z.ZodType>(state: FlowState | null, flow: string, schema: S, steps?: readonly string[]): z.output<S> | null {
  if (!state || state.flow !== flow || (steps && !steps.includes(state.step))) return null;
  const parsed = schema.safeParse(state.data);
  return parsed.success ? parsed.data : null;
}

export async function readFlow(db: Db, chatAccountId: number, now: Date): Promise<ReadFlow> {
  return settleFlow(db, chatAccountId, await db.flowState.findUnique({ where: { chatAccountId } }), now);
}

/** A stored flow as of `now` (read with the turn's identity, or by readFlow): one left idle too long is forgotten. */
export async function settleFlow(db: Db, chatAccountId: number, row: { flow: string; step: string; data: string; expiresAt: Date } | null, now: Date): Promise<ReadFlow> {
  if (!row) return { state: null, expired: null };
  if (row.expiresAt <= now) {
    await db.flowState.deleteMany({ where: { chatAccountId, expiresAt: { lte: now } } });
    return { state: null, expired: row.flow };
  }
  return { state: { flow: row.flow, step: row.step, data: JSON.parse(row.data) as Record<string, unknown> }, expired: null };
}

export async function getFlow(db: Db, chatAccountId: number, now: Date): Promise<FlowState | null> {
  return (await readFlow(db, chatAccountId, now)).state;
}

export async function setFlow(db: Db, chatAccountId: number, state: FlowState, now: Date, idleMinutes = FLOW_IDLE_MINUTES) {
  const expiresAt = new Date(now.getTime() + idleMinutes * 60_000);
  const data = JSON.stringify(state.data);
  await db.flowState.upsert({
    where: { chatAccountId },
    create: { chatAccountId, flow: state.flow, step: state.step, data, expiresAt },
    update: { flow: state.flow, step: state.step, data, expiresAt },
  });
}

export async function clearFlow(db: Db, chatAccountId: number): Promise<boolean> {
  const res = await db.flowState.deleteMany({ where: { chatAccountId } });
  return res.count > 0;
}
