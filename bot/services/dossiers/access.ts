// Who sees which dossiers, and who may act on them. Checked on every command and every button
// press (callback data can be forged), in the domain so every channel applies the same rules.
import { Prisma } from "../../../prisma/generated/sqlite/client.js";
import { isOffice, seesAllUnits } from "../roles.js";

export interface DossierViewer {
  staffId: number;
  role: string;
  unitId: number;
}

interface DossierOwnership {
  handlerId: number | null;
  unitId: number | null;
}

/**
 * A staff member sees the dossiers they handle; a head of unit also sees their unit's; the
 * office, lãnh đạo Sở and administrators see all.
 */
export function dossierScope(viewer: DossierViewer): Prisma.DossierWhereInput {
  if (seesAllUnits(viewer.role)) return {};
  if (viewer.role === "truong_phong") return { OR: [{ handlerId: viewer.staffId }, { unitId: viewer.unitId }] };
  return { handlerId: viewer.staffId };
}

/** dossierScope as a condition on the table "Dossier" (the lists read it in plain SQL). */
export function dossierScopeSql(viewer: DossierViewer): Prisma.Sql {
  if (seesAllUnits(viewer.role)) return Prisma.sql`1 = 1`;
  if (viewer.role === "truong_phong") return Prisma.sql`("Dossier"."handlerId" = ${viewer.staffId} OR "Dossier"."unitId" = ${viewer.unitId})`;
  return Prisma.sql`"Dossier"."handlerId" = ${viewer.staffId}`;
}

export function canViewDossier(viewer: DossierViewer, d: DossierOwnership): boolean {
  if (seesAllUnits(viewer.role)) return true;
  if (d.handlerId === viewer.staffId) return true;
  return viewer.role === "truong_phong" && d.unitId !== null && d.unitId === viewer.unitId;
}

/** Reporting a dossier as handled: its handler, the head of its unit, the office. */
export function canActOnDossier(viewer: DossierViewer, d: DossierOwnership): boolean {
  if (d.handlerId === viewer.staffId || isOffice(viewer.role)) return true;
  return viewer.role === "truong_phong" && d.unitId !== null && d.unitId === viewer.unitId;
}

/** "Remind me tomorrow" only concerns the handler's own reminders. */
export function canSnoozeDossier(viewer: DossierViewer, d: DossierOwnership): boolean {
  return d.handlerId === viewer.staffId;
}
