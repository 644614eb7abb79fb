// The sections of the daily digest, in the order they appear. Each feature adds its own.
import { alertsDigestSection } from "../alerts/digest-section.js";
import { dossierDigestSection } from "../dossiers/digest-section.js";
import { tasksDigestSection } from "../tasks/digest-section.js";
import { deliveryDigestSection } from "./delivery-section.js";
import type { DigestSection } from "./types.js";

export const DIGEST_SECTIONS: DigestSection[] = [tasksDigestSection, dossierDigestSection, alertsDigestSection, deliveryDigestSection];
