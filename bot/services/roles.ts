// Roles of the department's staff and what each may see. Authorisation lives here, in
// the domain, so every channel (Telegram, the CLI, a later Zalo adapter) applies the same rules.
export const ROLES = ["chuyen_vien", "truong_phong", "van_phong", "lanh_dao_so", "quan_tri"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}

/** Roles that see every unit's data (the office, the department's leaders, administrators). */
export const DEPARTMENT_WIDE: readonly Role[] = ["van_phong", "lanh_dao_so", "quan_tri"];
/** Roles that run the office's functions (alerts, imports, delivery log). */
export const OFFICE: readonly Role[] = ["van_phong", "quan_tri"];
/** Roles that see their own unit as a whole. */
export const UNIT_HEADS: readonly Role[] = ["truong_phong"];

export function seesAllUnits(role: string): boolean {
  return (DEPARTMENT_WIDE as readonly string[]).includes(role);
}

export function isOffice(role: string): boolean {
  return (OFFICE as readonly string[]).includes(role);
}

/**
 * Who runs an office function (alerts, /canbo, /thietlap, /nhatky, /lich, or the same on the CLI):
 * a chat user, checked against their role, or the office's command line on the server.
 */
export interface OfficeActor {
  /** For the audit log: "<platform>:<user id>" or "cli:<os user>". */
  actor: string;
  staffId: number | null;
  role: string | null;
}

/** The services check it again, whatever the chat's guard said; whoever runs the CLI already holds the database. */
export function mayActAsOffice(a: OfficeActor): boolean {
  return a.actor.startsWith("cli:") || (a.role !== null && isOffice(a.role));
}

export function seesUnit(viewer: { role: string; unitId: number }, unitId: number): boolean {
  if (seesAllUnits(viewer.role)) return true;
  return viewer.role === "truong_phong" && viewer.unitId === unitId;
}

/** Spreadsheet labels accepted for each role (compared with foldText). */
export const ROLE_LABELS: Record<Role, string[]> = {
  chuyen_vien: ["Chuyên viên", "CV", "Cán bộ", "Công chức", "Viên chức", "Nhân viên", "Staff"],
  truong_phong: ["Trưởng phòng", "TP", "Trưởng đơn vị", "Phụ trách phòng", "Head of unit"],
  van_phong: ["Văn phòng", "Văn phòng Sở", "VP", "Office"],
  lanh_dao_so: ["Lãnh đạo Sở", "LĐS", "Giám đốc", "Phó Giám đốc", "Ban Giám đốc", "Leadership"],
  quan_tri: ["Quản trị", "Quản trị hệ thống", "QT", "Admin", "Administrator"],
};
