// `units`, `staff [--unit CODE]`: the registry at a glance (finding, unbinding, the audit log: office.ts).
import { roleLabel } from "../services/profile.js";
import { listUnits } from "../services/units.js";
import type { CliContext } from "./context.js";
import { unitOption } from "./unit-option.js";

export async function listUnitsCommand(cli: CliContext): Promise<number> {
  const units = await listUnits(cli.db.prisma);
  const counts = await cli.db.prisma.staff.groupBy({ by: ["unitId"], where: { active: true }, _count: { _all: true } });
  const byUnit = new Map(counts.map((c) => [c.unitId, c._count._all]));
  for (const u of units) {
    cli.out(cli.t("cli.units.line", { code: u.code, name: u.name, kind: cli.t(`cli.units.kinds.${u.kind as "internal"}`), staff: byUnit.get(u.id) ?? 0 }));
  }
  return 0;
}

export async function listStaffCommand(cli: CliContext, unitLabel: string | undefined): Promise<number> {
  const unit = await unitOption(cli, unitLabel);
  if (unit === null) return 1;
  const staff = await cli.db.prisma.staff.findMany({
    where: unit ? { unitId: unit.id } : {},
    include: { unit: true, accounts: { where: { active: true } } },
    orderBy: [{ unit: { sortOrder: "asc" } }, { code: "asc" }],
  });
  if (staff.length === 0) cli.out(unit ? cli.t("cli.staff.noneInUnit", { unit: unit.code, name: unit.name }) : cli.t("cli.staff.none"));
  for (const s of staff) {
    cli.out(
      cli.t("cli.staff.line", {
        code: s.code,
        name: s.fullName,
        role: roleLabel(cli.t, s.role),
        unit: s.unit.code,
        bound: cli.t(s.accounts.length ? "cli.staff.bound" : "cli.staff.notBound"),
        active: s.active ? "" : cli.t("cli.staff.inactive"),
      }),
    );
  }
  return 0;
}
