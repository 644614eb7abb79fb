// The department's units and how people name them in spreadsheets.
import type { Db } from "../db/client.js";
import { foldText } from "./text.js";

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  aliases: string;
  active: boolean;
}

export type UnitResolver = (label: string) => UnitRef | undefined;

/** Matches a unit by code, name, short name or alias, ignoring case and diacritics. */
export function unitResolver(units: UnitRef[]): UnitResolver {
  const byKey = new Map<string, UnitRef>();
  for (const u of units) {
    const labels = [u.code, u.name, u.shortName ?? "", ...u.aliases.split("|")];
    for (const label of labels) {
      const key = foldText(label);
      if (key && !byKey.has(key)) byKey.set(key, u);
    }
  }
  return (label) => byKey.get(foldText(label));
}

export async function listUnits(db: Db): Promise<UnitRef[]> {
  return db.unit.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
}

/** Units staff can belong to (not the external partners the plan names as coordinators). */
export function isStaffUnit(u: UnitRef): boolean {
  return u.active && u.kind !== "external";
}

/** The unit a person names (code, name, short name or alias), if any. */
export async function findUnitByLabel(db: Db, label: string): Promise<UnitRef | undefined> {
  return unitResolver(await db.unit.findMany())(label);
}

/** These units, in the department's order. */
export function unitsByIds(db: Db, ids: readonly number[]) {
  return db.unit.findMany({ where: { id: { in: [...ids] } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
}

/** Units of the department with at least one active staff member (an alert's possible audience). */
export function unitsWithActiveStaff(db: Db) {
  return db.unit.findMany({
    where: { active: true, kind: { not: "external" }, staff: { some: { active: true } } },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
}

export function unitById(db: Db, id: number) {
  return db.unit.findUniqueOrThrow({ where: { id } });
}
