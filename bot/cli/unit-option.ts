// `--unit X` of `staff` and `tasks`: the unit by code, name or short name (as in the
// spreadsheets), or a clear "no such unit" instead of an empty list that reads "no staff".
import { listUnits, type UnitRef, unitResolver } from "../services/units.js";
import type { CliContext } from "./context.js";

/** The unit named, `undefined` without `--unit`, or `null` after saying it is unknown. */
export async function unitOption(cli: CliContext, label: string | undefined): Promise<UnitRef | undefined | null> {
  if (label === undefined) return undefined;
  const unit = unitResolver(await listUnits(cli.db.prisma))(label);
  if (unit) return unit;
  cli.err(cli.t("cli.unknownUnit", { unit: label }));
  return null;
}
