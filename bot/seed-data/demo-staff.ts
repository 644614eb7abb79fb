// A small fictional staff list for the demo chat and the tests: a head and a staff member
// in each unit, the office, a leader and an administrator. Names are invented, except the
// plan's signatory, who is public.
import type { Db } from "../db/client.js";

export interface DemoStaff {
  code: string;
  fullName: string;
  unit: string;
  role: string;
}

export const DEMO_STAFF: DemoStaff[] = [
  { code: "VP01", fullName: "Nguyễn Thị Lan", unit: "VP", role: "van_phong" },
  { code: "VP02", fullName: "Trần Văn Hùng", unit: "VP", role: "chuyen_vien" },
  { code: "KH01", fullName: "Lê Minh Tuấn", unit: "KHTC", role: "truong_phong" },
  { code: "KH02", fullName: "Phạm Thu Hà", unit: "KHTC", role: "chuyen_vien" },
  { code: "QL01", fullName: "Võ Quốc Bảo", unit: "QLKH", role: "truong_phong" },
  { code: "QL02", fullName: "Đặng Ngọc Ánh", unit: "QLKH", role: "chuyen_vien" },
  { code: "CS01", fullName: "Huỳnh Đức Thịnh", unit: "QLCS", role: "truong_phong" },
  { code: "CS02", fullName: "Bùi Thị Mai", unit: "QLCS", role: "chuyen_vien" },
  { code: "GD01", fullName: "Trần Thanh Trường", unit: "BGD", role: "lanh_dao_so" },
  { code: "QT01", fullName: "Ngô Anh Khoa", unit: "VP", role: "quan_tri" },
];

export async function loadDemoStaff(db: Db, list: DemoStaff[] = DEMO_STAFF) {
  const units = new Map((await db.unit.findMany()).map((u) => [u.code, u.id]));
  const out = [];
  for (const s of list) {
    const unitId = units.get(s.unit);
    if (unitId === undefined) throw new Error(`unknown unit ${s.unit}`);
    out.push(await db.staff.create({ data: { code: s.code, fullName: s.fullName, role: s.role, unitId } }));
  }
  return out;
}
