// Creating an alert and broadcasting it: the alert, its recipients and one outbox message
// per reachable recipient (key `alert:<alertId>:<staffId>`) are recorded in one
// transaction, so an alert is either sent to everyone in its audience or to no one, and
// never twice. Khẩn copies are urgent (delivered in quiet hours). Unit heads get a separate
// request to report remediation when the alert asks for it.
import type { Db } from "../../db/client.js";
import { type DbOrTx, enqueue } from "../../delivery/outbox.js";
import { isLocale, type Locale, translator, type Translate } from "../../i18n.js";
import { audit } from "../audit.js";
import { mayActAsOffice } from "../roles.js";
import { type AlertActor, type AlertDeps, type AlertDraft, type Audience, draftProblems, isUrgent } from "./model.js";
import { alertCopy, type AlertView, remediationRequest } from "./render.js";
import { isUniqueViolation } from "../../db/errors.js";

export interface AudienceMember {
  id: number;
  fullName: string;
  unitId: number;
  locale: string | null;
  reachable: boolean;
}

/** Active staff of the audience, with whether the bot can reach them (an active chat account). */
export async function resolveAudience(db: DbOrTx, audience: Audience): Promise<AudienceMember[]> {
  const rows = await db.staff.findMany({
    where: { active: true, ...(audience.all ? {} : { unitId: { in: audience.unitIds } }) },
    select: { id: true, fullName: true, unitId: true, locale: true, accounts: { where: { active: true }, select: { id: true }, take: 1 } },
    orderBy: { id: "asc" },
  });
  return rows.map(({ accounts, ...s }) => ({ ...s, reachable: accounts.length > 0 }));
}

/** Heads of each unit (active staff with the trưởng phòng role). */
export async function unitHeads(db: DbOrTx, unitIds: number[]): Promise<Map<number, { id: number; fullName: string; locale: string | null }[]>> {
  const heads = await db.staff.findMany({
    where: { active: true, role: "truong_phong", unitId: { in: unitIds } },
    select: { id: true, fullName: true, locale: true, unitId: true },
    orderBy: { id: "asc" },
  });
  const out = new Map<number, { id: number; fullName: string; locale: string | null }[]>();
  for (const h of heads) out.set(h.unitId, [...(out.get(h.unitId) ?? []), h]);
  return out;
}

/** A translator per language, built once. */
export function translators(deps: Pick<AlertDeps, "i18n" | "defaultLocale">): (locale: string | null) => Translate {
  const cache = new Map<Locale, Translate>();
  return (l) => {
    const locale = isLocale(l) ? l : deps.defaultLocale;
    let t = cache.get(locale);
    if (!t) cache.set(locale, (t = translator(deps.i18n, locale)));
    return t;
  };
}

export type BroadcastResult =
  | { status: "sent"; alertId: number; recipients: number; queued: number; unreachable: number; remediationRequests: number }
  | { status: "duplicate"; alertId: number }
  | { status: "invalid"; problems: string[] }
  | { status: "denied" };

/** Records and broadcasts an alert. */
export async function broadcastAlert(deps: AlertDeps, draft: AlertDraft, actor: AlertActor, now: Date): Promise<BroadcastResult> {
  const { db } = deps;
  if (!mayActAsOffice(actor)) {
    await audit(db, { actor: actor.actor, actorStaffId: actor.staffId, action: "alert.broadcast", outcome: "denied", details: { title: draft.title }, at: now });
    return { status: "denied" };
  }
  const problems = draftProblems(draft);
  if (problems.length) return { status: "invalid", problems };
  if (draft.externalRef) {
    const existing = await db.securityAlert.findUnique({ where: { externalRef: draft.externalRef }, select: { id: true } });
    if (existing) return { status: "duplicate", alertId: existing.id };
  }
  try {
    return await db.$transaction(async (tx) => sendInTransaction(tx, deps, draft, actor, now), { timeout: 120_000, maxWait: 30_000 });
  } catch (e) {
    if (draft.externalRef && isUniqueViolation(e)) {
      const existing = await db.securityAlert.findUnique({ where: { externalRef: draft.externalRef }, select: { id: true } });
      if (existing) return { status: "duplicate", alertId: existing.id };
    }
    throw e;
  }
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function sendInTransaction(tx: Tx, deps: AlertDeps, draft: AlertDraft, actor: AlertActor, now: Date): Promise<BroadcastResult> {
  const members = await audienceOf(tx, draft);
  const alert = await tx.securityAlert.create({
    data: {
      severity: draft.severity,
      title: draft.title.normalize("NFC").trim(),
      body: draft.body.normalize("NFC").trim(),
      audienceAll: draft.audience.all,
      requireRemediation: draft.requireRemediation,
      status: "sent",
      createdById: actor.staffId,
      source: draft.source,
      externalRef: draft.externalRef ?? null,
      correctionOfId: draft.correctionOfId ?? null,
      createdAt: now,
      sentAt: now,
    },
  });
  const unitIds = [...new Set(members.map((m) => m.unitId))];
  if (!draft.audience.all) await tx.alertAudienceUnit.createMany({ data: draft.audience.unitIds.map((unitId) => ({ alertId: alert.id, unitId })) });
  // The sender among the recipients still gets the copy, but wrote it: acknowledged as it is
  // sent, so they are never reminded or escalated about it and the counts show them as read.
  const recipients = await tx.alertRecipient.createManyAndReturn({
    data: members.map((m) => ({ alertId: alert.id, staffId: m.id, unitId: m.unitId, ackAt: m.id === actor.staffId ? now : null })),
    select: { id: true, staffId: true },
  });
  const recipientOf = new Map(recipients.map((r) => [r.staffId, r.id]));
  const tr = translators(deps);
  const opts = { now, timeZone: deps.timeZone };
  const urgent = isUrgent(alert.severity);
  let queued = 0;
  for (const m of members) {
    if (!m.reachable) continue;
    const res = await enqueue(
      tx,
      {
        dedupKey: `alert:${alert.id}:${m.id}`,
        kind: "alert",
        staffId: m.id,
        payload: alertCopy(tr(m.locale), alert, recipientOf.get(m.id)!, deps.timeZone, now),
        urgent,
        refType: "alert",
        refId: alert.id,
      },
      opts,
    );
    if (res.status === "queued") queued++;
  }
  let remediationRequests = 0;
  if (alert.requireRemediation) {
    const units = new Map((await tx.unit.findMany({ where: { id: { in: unitIds } } })).map((u) => [u.id, u]));
    for (const [unitId, heads] of await unitHeads(tx, unitIds)) {
      for (const h of heads) {
        const t = tr(h.locale);
        const res = await enqueue(
          tx,
          {
            dedupKey: `alert:${alert.id}:rem:${h.id}`,
            kind: "alert-remediation",
            staffId: h.id,
            payload: remediationRequest(t, alert, units.get(unitId)?.name ?? ""),
            urgent,
            refType: "alert",
            refId: alert.id,
          },
          opts,
        );
        if (res.status === "queued") remediationRequests++;
      }
    }
  }
  const unreachable = members.length - queued;
  await audit(tx, {
    actor: actor.actor,
    actorStaffId: actor.staffId,
    action: draft.correctionOfId ? "alert.correct" : "alert.broadcast",
    target: `alert:${alert.id}`,
    details: {
      severity: alert.severity,
      title: alert.title,
      audience: draft.audience.all ? "all" : draft.audience.unitIds,
      requireRemediation: alert.requireRemediation,
      recipients: members.length,
      queued,
      unreachable,
      ...(draft.externalRef ? { externalRef: draft.externalRef } : {}),
      ...(draft.correctionOfId ? { correctionOf: draft.correctionOfId } : {}),
    },
    at: now,
  });
  return { status: "sent", alertId: alert.id, recipients: members.length, queued, unreachable, remediationRequests };
}

/** The audience of a draft: a correction goes to everyone the original went to. */
async function audienceOf(db: DbOrTx, draft: AlertDraft): Promise<AudienceMember[]> {
  if (draft.correctionOfId === undefined) return resolveAudience(db, draft.audience);
  const rows = await db.alertRecipient.findMany({
    where: { alertId: draft.correctionOfId },
    select: { staff: { select: { id: true, fullName: true, unitId: true, locale: true, active: true, accounts: { where: { active: true }, select: { id: true }, take: 1 } } } },
    orderBy: { staffId: "asc" },
  });
  return rows
    .filter((r) => r.staff.active)
    .map(({ staff: { accounts, active: _active, ...s } }) => ({ ...s, reachable: accounts.length > 0 }));
}

export interface AlertPreview {
  text: string;
  recipients: number;
  unreachable: number;
}

/** What the office sees before confirming: the message as sent, and how many it will reach. */
export async function previewAlert(deps: AlertDeps, draft: AlertDraft, t: Translate, now: Date): Promise<AlertPreview> {
  const members = await audienceOf(deps.db, draft);
  const view: AlertView = {
    id: 0,
    severity: draft.severity,
    title: draft.title.normalize("NFC").trim(),
    body: draft.body.normalize("NFC").trim(),
    requireRemediation: draft.requireRemediation,
    sentAt: now,
    correctionOfId: draft.correctionOfId ?? null,
  };
  return {
    text: alertCopy(t, view, 0, deps.timeZone, now).text,
    recipients: members.length,
    unreachable: members.filter((m) => !m.reachable).length,
  };
}
