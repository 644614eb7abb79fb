// The messages of an alert, in the reader's language. Button data carries only ids: the
// services check on every press who is pressing (callback data can be forged).
import type { OutboxButton, OutboxPayload } from "../../delivery/outbox.js";
import { escapeHtml, type Translate } from "../../i18n.js";
import { isSeverity, SEVERITY_ICONS, type Severity } from "./model.js";
import { formatDateTime } from "../date-text.js";

export interface AlertView {
  id: number;
  severity: string;
  title: string;
  body: string;
  requireRemediation: boolean;
  sentAt: Date | null;
  correctionOfId: number | null;
}

/** The buttons' callback data. The "Đã đọc" button belongs to a command every staff member may use. */
export const alertButtonData = {
  ack: (recipientId: number) => `canhbaodoc:ack:${recipientId}`,
  remediation: (alertId: number) => `khacphuc:a:${alertId}`,
};

export function severityLabel(t: Translate, severity: string): string {
  return isSeverity(severity) ? t(`alerts.severity.${severity}`) : severity;
}

export function severityIcon(severity: string): string {
  return isSeverity(severity) ? SEVERITY_ICONS[severity as Severity] : "⚠️";
}

/** The alert as its recipients read it (also the office's preview). */
export function alertText(t: Translate, a: AlertView, timeZone: string, now: Date): string {
  const lines: string[] = [];
  if (a.correctionOfId !== null) lines.push(t("alerts.message.correction", { number: a.correctionOfId }), "");
  lines.push(
    t("alerts.message.heading", { icon: severityIcon(a.severity), severity: severityLabel(t, a.severity).toUpperCase() }),
    t("alerts.message.title", { title: a.title }),
    "",
    t("alerts.message.body", { body: a.body }),
    "",
    // A preview has no number yet.
    t("alerts.message.footer", { number: a.id || "…", sentAt: formatDateTime(a.sentAt ?? now, timeZone) }),
  );
  if (a.requireRemediation) lines.push(t("alerts.message.remediationNote"));
  lines.push(t("alerts.message.ackHint"));
  return lines.join("\n");
}

export function ackButtons(t: Translate, recipientId: number): OutboxButton[][] {
  return [[{ text: t("alerts.ack.button"), data: alertButtonData.ack(recipientId) }]];
}

export function alertCopy(t: Translate, a: AlertView, recipientId: number, timeZone: string, now: Date): OutboxPayload {
  return { text: alertText(t, a, timeZone, now), buttons: ackButtons(t, recipientId) };
}

export function reminderCopy(t: Translate, a: AlertView, recipientId: number, n: number, timeZone: string, now: Date): OutboxPayload {
  return { text: `${t("alerts.reminder.heading", { n })}\n\n${alertText(t, a, timeZone, now)}`, buttons: ackButtons(t, recipientId) };
}

export function cancellationNotice(t: Translate, a: AlertView): OutboxPayload {
  return { text: t("alerts.cancel.notice", { number: a.id, title: a.title }) };
}

export function remediationRequest(t: Translate, a: AlertView, unitName: string): OutboxPayload {
  return {
    text: t("alerts.remediation.request", { number: a.id, title: a.title, unit: unitName }),
    buttons: [[{ text: t("alerts.remediation.button"), data: alertButtonData.remediation(a.id) }]],
  };
}

/**
 * At most `max` names, then "and N others", so a long list never breaks a message. Returns
 * HTML (names escaped): templates insert it unescaped, as `{{- names}}`.
 */
export function nameList(t: Translate, names: string[], max = 15): string {
  const shown = names.slice(0, max).map(escapeHtml).join(", ");
  return names.length <= max ? shown : `${shown} ${t("alerts.status.moreNames", { more: names.length - max })}`;
}

export function escalationNotice(t: Translate, a: AlertView, unitName: string, names: string[], reminders: number): OutboxPayload {
  return {
    text: t("alerts.escalation.notice", {
      icon: severityIcon(a.severity),
      severity: severityLabel(t, a.severity),
      number: a.id,
      title: a.title,
      unit: unitName,
      reminders,
      names: nameList(t, names, 40),
    }),
  };
}
