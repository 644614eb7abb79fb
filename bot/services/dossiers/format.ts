// The words for where a dossier stands, shared by /hoso, the nudges and the digest, so the
// same dossier reads the same everywhere.
import type { Translate } from "../../i18n.js";
import type { DossierStanding } from "./deadline.js";
import { isDossierStatus } from "./statuses.js";
import { formatDate } from "../date-text.js";

export function standingText(t: Translate, s: DossierStanding): string {
  switch (s.kind) {
    case "open":
      return t("dossiers.standing.open", { count: s.days });
    case "dueToday":
      return t("dossiers.standing.dueToday");
    case "overdue":
      return t("dossiers.standing.overdue", { count: s.days });
    case "paused":
      return t("dossiers.standing.paused", { since: formatDate(s.since) });
    case "closed":
      return t("dossiers.standing.closed");
  }
}

export function statusLabel(t: Translate, status: string): string {
  return isDossierStatus(status) ? t(`dossiers.status.${status}`) : status;
}

