// A large department, seeded and reproducible (the same seed gives the same rows): staff in
// the 2021 plan's units, each with a Telegram account, plan tasks led and coordinated by those
// units, progress reports, and one-stop dossiers of which a few thousand are open. Written
// with multi-row inserts (Prisma splits them under the parameter limit), so the full size
// builds in a few minutes; used by `npm run bench` and, smaller, by the size test in CI.
import type { Db } from "../../bot/db/client.js";
import * as codes from "../../bot/services/tasks/codes.js";

export interface DepartmentSize {
  staff: number;
  tasks: number;
  dossiers: number;
  openDossiers: number;
  reports: number;
}

/** The sizes of issue 11. */
export const FULL: DepartmentSize = { staff: 1000, tasks: 5000, dossiers: 100_000, openDossiers: 3000, reports: 50_000 };
export const SMALL: DepartmentSize = { staff: 200, tasks: 1000, dossiers: 10_000, openDossiers: 600, reports: 5000 };
/** What CI keeps true: nothing breaks with size (and it stays quick twice on 2 cores). */
export const CI: DepartmentSize = { staff: 300, tasks: 2000, dossiers: 20_000, openDossiers: 1000, reports: 10_000 };

/** Telegram user (and chat) id of staff `id`. */
export const telegramIdOf = (staffId: number) => 5_000_000 + staffId;

export interface Department {
  size: DepartmentSize;
  units: { id: number; code: string }[];
  /** Staff ids by role, and the head of each unit. */
  heads: number[];
  office: number[];
  leaders: number[];
  staff: number[];
  /** A staff member of a big unit with many tasks (for /nhiemvu one at a time). */
  busyStaff: number;
}

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Quang", "Thanh", "Hữu", "Ngọc"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Linh", "Nam", "Phương", "Quân", "Trang", "Tuấn", "Yến"];
const PROCEDURES = [
  "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
  "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ",
  "Cấp giấy phép tiến hành công việc bức xạ",
  "Thẩm định công nghệ dự án đầu tư",
  "Công bố sử dụng dấu định lượng",
];
const DAY = 86_400_000;

/** Builds the department into a migrated, seeded database (the 2021 plan's units). */
export async function buildDepartment(db: Db, size: DepartmentSize, opts: { now: Date; seed?: number }): Promise<Department> {
  const rnd = prng(opts.seed ?? 11);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const now = opts.now;
  const units = await db.unit.findMany({ where: { kind: { not: "external" } }, orderBy: { id: "asc" }, select: { id: true, code: true, kind: true } });
  const internal = units.filter((u) => u.kind === "internal");
  const leadership = units.find((u) => u.kind === "leadership") ?? internal[0]!;
  const officeUnit = internal.find((u) => u.code === "VP") ?? internal[0]!;

  // Staff: a head per internal unit, three leaders, a few office staff, two administrators.
  const people: { code: string; fullName: string; unitId: number; role: string }[] = [];
  const name = () => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  internal.forEach((u, i) => people.push({ code: `BQ${String(i).padStart(3, "0")}`, fullName: name(), unitId: u.id, role: "truong_phong" }));
  for (let i = 0; i < 3; i++) people.push({ code: `BL${i}`, fullName: name(), unitId: leadership.id, role: "lanh_dao_so" });
  for (let i = 0; i < 4; i++) people.push({ code: `BV${i}`, fullName: name(), unitId: officeUnit.id, role: "van_phong" });
  for (let i = 0; i < 2; i++) people.push({ code: `BA${i}`, fullName: name(), unitId: officeUnit.id, role: "quan_tri" });
  // The rest spread unevenly (the first units are the big ones), as departments are.
  for (let i = people.length; i < size.staff; i++) {
    const u = internal[Math.min(internal.length - 1, Math.floor(rnd() * rnd() * internal.length))]!;
    people.push({ code: `BS${String(i).padStart(4, "0")}`, fullName: name(), unitId: u.id, role: "chuyen_vien" });
  }
  await db.staff.createMany({ data: people.map((p) => ({ ...p, quietFrom: "00:00", quietTo: "00:00", digestMode: "daily", tipFrequency: "none" })) });
  const staff = await db.staff.findMany({ where: { code: { startsWith: "B" } }, select: { id: true, unitId: true, role: true }, orderBy: { id: "asc" } });
  await db.chatAccount.createMany({
    data: staff.map((s) => ({ platform: "telegram", externalId: String(telegramIdOf(s.id)), chatId: String(telegramIdOf(s.id)), staffId: s.id, boundAt: now })),
  });
  const byUnit = new Map<number, number[]>();
  for (const s of staff) byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), s.id]);

  // Tasks: 1-3 lead units, 0-2 coordinators, a few assignees; due dates around now.
  const sortKey = (codes as { taskSortKey?: (c: string) => string }).taskSortKey;
  const taskRows = Array.from({ length: size.tasks }, (_, i) => {
    const code = `NV.${Math.floor(i / 100) + 1}.${(i % 100) + 1}`;
    const recurring = rnd() < 0.1;
    const due = new Date(now.getTime() + Math.floor((rnd() - 0.6) * 200) * DAY).toISOString().slice(0, 10);
    return {
      code,
      ...(sortKey ? { sortKey: sortKey(code) } : {}),
      section: `NV.${Math.floor(i / 100) + 1}`,
      title: `Nhiệm vụ ${code}: triển khai ứng dụng công nghệ thông tin`,
      content: `Nội dung nhiệm vụ ${code}: xây dựng, vận hành và báo cáo kết quả theo kế hoạch.`,
      dueDate: recurring ? null : due,
      recurring,
      status: rnd() < 0.05 ? "closed" : "open",
      createdAt: now,
      updatedAt: now,
    };
  });
  await db.task.createMany({ data: taskRows });
  const tasks = await db.task.findMany({ where: { code: { startsWith: "NV." } }, select: { id: true }, orderBy: { id: "asc" } });
  const links: { taskId: number; unitId: number; role: string }[] = [];
  const assignees: { taskId: number; staffId: number }[] = [];
  const taskUnits = new Map<number, number[]>();
  for (const t of tasks) {
    const chosen = new Set<number>();
    const leads = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < leads; k++) chosen.add(pick(internal).id);
    for (const u of chosen) links.push({ taskId: t.id, unitId: u, role: "lead" });
    const coords = Math.floor(rnd() * 3);
    for (let k = 0; k < coords; k++) {
      const u = pick(internal).id;
      if (!chosen.has(u)) {
        chosen.add(u);
        links.push({ taskId: t.id, unitId: u, role: "coord" });
      }
    }
    taskUnits.set(t.id, [...chosen]);
    const people = byUnit.get([...chosen][0]!) ?? [];
    if (people.length && rnd() < 0.5) assignees.push({ taskId: t.id, staffId: pick(people) });
  }
  await db.taskUnit.createMany({ data: links });
  await db.taskAssignee.createMany({ data: assignees });

  // Progress reports by people of the tasks' units, over the last three months.
  const reports = Array.from({ length: size.reports }, () => {
    const t = pick(tasks).id;
    const unit = pick(taskUnits.get(t)!);
    const who = pick(byUnit.get(unit) ?? staff.map((s) => s.id));
    return { taskId: t, staffId: who, unitId: unit, percent: Math.floor(rnd() * 21) * 5, note: rnd() < 0.3 ? "Đã triển khai theo kế hoạch" : null, createdAt: new Date(now.getTime() - Math.floor(rnd() * 90 * DAY)) };
  });
  await db.progressReport.createMany({ data: reports });

  // Dossiers over two years; the last `openDossiers` still open (some waiting for the applicant).
  const handlers = staff.filter((s) => s.role === "chuyen_vien");
  const dossierRows = Array.from({ length: size.dossiers }, (_, i) => {
    const open = i >= size.dossiers - size.openDossiers;
    const h = pick(handlers);
    const received = new Date(now.getTime() - (open ? Math.floor(rnd() * 20 * DAY) : Math.floor(rnd() * 730 * DAY)));
    const due = new Date(received.getTime() + (5 + Math.floor(rnd() * 15)) * DAY);
    const returned = open ? null : new Date(Math.min(now.getTime() - 3600_000, received.getTime() + Math.floor(rnd() * 25 * DAY)));
    const status = open ? (rnd() < 0.1 ? "cho_bo_sung" : "dang_xu_ly") : rnd() < 0.02 ? "da_huy" : returned! <= due ? "da_tra_dung_han" : "da_tra_tre_han";
    return {
      code: `000.00.19.H48-${String(i).padStart(7, "0")}`,
      procedureName: pick(PROCEDURES),
      applicant: `Công ty TNHH ${pick(GIVEN)} ${i % 97}`,
      unitId: h.unitId,
      handlerId: h.id,
      receivedAt: received,
      dueAt: due,
      status,
      statusRaw: status,
      returnedAt: status === "da_huy" ? null : returned,
      pausedAt: status === "cho_bo_sung" ? received : null,
      importedAt: new Date(now.getTime() - DAY),
      createdAt: received,
      updatedAt: now,
    };
  });
  await db.dossier.createMany({ data: dossierRows });
  const dossiers = await db.dossier.findMany({ select: { id: true, status: true, receivedAt: true } });
  await db.dossierStatusChange.createMany({ data: dossiers.map((d) => ({ dossierId: d.id, fromStatus: null, toStatus: d.status, at: d.receivedAt, source: "import" })) });

  const heads = staff.filter((s) => s.role === "truong_phong").map((s) => s.id);
  const biggest = [...byUnit.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  return {
    size,
    units: internal.map((u) => ({ id: u.id, code: u.code })),
    heads,
    office: staff.filter((s) => s.role === "van_phong").map((s) => s.id),
    leaders: staff.filter((s) => s.role === "lanh_dao_so").map((s) => s.id),
    staff: handlers.map((s) => s.id),
    busyStaff: biggest[1].find((id) => handlers.some((h) => h.id === id)) ?? biggest[1][0]!,
  };
}

/** The one-stop system's export of `count` dossiers as CSV (the import's format). */
export function dossierExportCsv(count: number, staffCodes: readonly string[], opts: { now: Date; seed?: number; prefix?: string }): string {
  const rnd = prng(opts.seed ?? 12);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const date = (d: Date) => {
    const local = new Date(d.getTime() + 7 * 3600_000);
    return `${String(local.getUTCDate()).padStart(2, "0")}/${String(local.getUTCMonth() + 1).padStart(2, "0")}/${local.getUTCFullYear()}`;
  };
  const lines = ["Mã hồ sơ,Tên thủ tục,Người nộp,Ngày tiếp nhận,Ngày hẹn trả,Cán bộ xử lý,Trạng thái,Ngày trả kết quả"];
  for (let i = 0; i < count; i++) {
    const received = new Date(opts.now.getTime() - (1 + Math.floor(rnd() * 700)) * DAY);
    const due = new Date(received.getTime() + (5 + Math.floor(rnd() * 15)) * DAY);
    const open = rnd() < 0.03 || due > opts.now;
    const returned = new Date(Math.min(opts.now.getTime() - DAY, received.getTime() + Math.floor(rnd() * 25) * DAY));
    const status = open ? "Đang xử lý" : "Đã trả kết quả";
    lines.push([`${opts.prefix ?? "IMP"}-${String(i).padStart(7, "0")}`, pick(PROCEDURES), `Công ty TNHH số ${i % 997}`, date(received), date(due), pick(staffCodes), status, open ? "" : date(returned)].join(","));
  }
  return `${lines.join("\n")}\n`;
}
