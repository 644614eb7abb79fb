/**
 * Built-in official holiday schedules for civil servants (cán bộ, công chức, viên chức with a
 * Saturday–Sunday week), 2021–2026, as published by the government each year (notices of the
 * Ministry of Labour – Invalids and Social Affairs until early 2025, of the Ministry of Home
 * Affairs after it; the Prime Minister's decisions relayed by the Government Office).
 *
 * Each entry is one holiday occasion of one year, written the way the notices are written:
 * "nghỉ từ … đến hết …" (weekend days inside the break included), plus any swap (hoán đổi):
 * a weekday given off in exchange for a Saturday worked (làm bù).
 *
 * Sources were checked where possible against press reports of the notices (see `source`);
 * entries marked `verified: false` carry an `// unverified:` comment saying what is in doubt.
 * The office can import a corrected notice at any time: imported rows replace the built-in rows
 * of the same occasion and year (see mergeOverrides).
 */
import { type IsoDate, datesInRange, formatVnDate, vnWeekdayName } from "./local-date.js";
import { computeDefaultHolidays } from "./default-holidays.js";
import type { HolidayOccasion, ResolvedOverride } from "./holiday-types.js";

export interface OfficialNotice {
  /** Year of the occasion (Tết Dương lịch 2023 is year 2023 even though it began 31/12/2022). */
  year: number;
  occasion: Exclude<HolidayOccasion, "khac">;
  /** Published break(s), both ends included, weekend days included. */
  off: ReadonlyArray<readonly [IsoDate, IsoDate]>;
  /** Swapped days: `dayOff` (a weekday) is given off, `workDay` (a Saturday) is worked instead. */
  swaps?: ReadonlyArray<{ readonly dayOff: IsoDate; readonly workDay: IsoDate }>;
  /** What the schedule is based on. */
  source: string;
  /** False when not checked against a published source (see the comment on the entry). */
  verified: boolean;
}

export const OFFICIAL_NOTICES: readonly OfficialNotice[] = [
  // ---- 2021 ----
  // unverified: the shared notes say "1-3/1 (with a swap)"; 01/01/2021 was a Friday, so 1–3/1 is
  // the holiday plus the weekend, and no swap was found in press reports. Encoded without a swap.
  {
    year: 2021,
    occasion: "tet_duong_lich",
    off: [["2021-01-01", "2021-01-03"]],
    source: "Labour Code art. 112; press reports of the 2021 schedule (no swap found)",
    verified: false,
  },
  {
    year: 2021,
    occasion: "tet_nguyen_dan",
    off: [["2021-02-10", "2021-02-16"]],
    source: "Hànộimới: nghỉ 7 ngày 10–16/02/2021 (29 tháng Chạp Canh Tý – mùng 5 Tân Sửu)",
    verified: true,
  },
  {
    year: 2021,
    occasion: "gio_to",
    off: [["2021-04-21", "2021-04-21"]],
    source: "10/3 lunar = Wednesday 21/04/2021; Labour Code art. 112",
    verified: true,
  },
  {
    year: 2021,
    occasion: "le_30_4_1_5",
    off: [["2021-04-30", "2021-05-03"]],
    source: "30/4 Friday, 1/5 Saturday → nghỉ bù Monday 03/05/2021 (press reports)",
    verified: true,
  },
  {
    year: 2021,
    occasion: "quoc_khanh",
    off: [["2021-09-02", "2021-09-05"]],
    source: "Nghỉ 2/9 (Thursday) và 3/9/2021; 4 ngày liên tiếp (Hànộimới)",
    verified: true,
  },

  // ---- 2022 ----
  {
    year: 2022,
    occasion: "tet_duong_lich",
    off: [["2022-01-01", "2022-01-03"]],
    source: "01/01/2022 Saturday → nghỉ bù Monday 03/01/2022 (Labour Code art. 111(3))",
    verified: true,
  },
  {
    year: 2022,
    occasion: "tet_nguyen_dan",
    off: [["2022-01-29", "2022-02-06"]],
    source: "Công văn 245/VPCP-KGVX (11/01/2022): 5 ngày Tết + 2 cuối tuần trước và sau, 29/01–06/02/2022",
    verified: true,
  },
  {
    year: 2022,
    occasion: "gio_to",
    off: [["2022-04-09", "2022-04-11"]],
    source: "10/3 lunar = Sunday 10/04/2022 → nghỉ bù Monday 11/04/2022",
    verified: true,
  },
  {
    year: 2022,
    occasion: "le_30_4_1_5",
    off: [["2022-04-30", "2022-05-03"]],
    source: "30/4 Saturday, 1/5 Sunday → nghỉ bù 02 and 03/05/2022",
    verified: true,
  },
  {
    year: 2022,
    occasion: "quoc_khanh",
    off: [["2022-09-01", "2022-09-04"]],
    source: "Nghỉ 1/9 (Thursday) và 2/9/2022 + cuối tuần",
    verified: true,
  },

  // ---- 2023 ----
  {
    year: 2023,
    occasion: "tet_duong_lich",
    off: [["2022-12-31", "2023-01-02"]],
    source: "01/01/2023 Sunday → nghỉ bù Monday 02/01/2023; nghỉ 31/12/2022–02/01/2023",
    verified: true,
  },
  {
    year: 2023,
    occasion: "tet_nguyen_dan",
    off: [["2023-01-20", "2023-01-26"]],
    source: "Nghỉ 7 ngày 20–26/01/2023 (29 tháng Chạp Nhâm Dần – mùng 5 Quý Mão)",
    verified: true,
  },
  // 2023: Giỗ Tổ (Saturday 29/4), 30/4 (Sunday) and 1/5 (Monday) ran together: one 5-day break
  // 29/4–03/5, split here by occasion (nghỉ bù Giỗ Tổ on 2/5, nghỉ bù 30/4 on 3/5).
  // unverified: the brief mentioned a swap with a working Saturday 06/05/2023; press reports of
  // the 2023 schedule describe 29/4–3/5 from compensatory days alone and no make-up Saturday.
  // Encoded without a swap.
  {
    year: 2023,
    occasion: "gio_to",
    off: [
      ["2023-04-29", "2023-04-29"],
      ["2023-05-02", "2023-05-02"],
    ],
    source: "10/3 lunar = Saturday 29/04/2023 → nghỉ bù Tuesday 02/05/2023 (press reports)",
    verified: false,
  },
  {
    year: 2023,
    occasion: "le_30_4_1_5",
    off: [
      ["2023-04-30", "2023-05-01"],
      ["2023-05-03", "2023-05-03"],
    ],
    source: "30/4 Sunday → nghỉ bù Wednesday 03/05/2023; break 29/04–03/05/2023 (press reports)",
    verified: false,
  },
  {
    year: 2023,
    occasion: "quoc_khanh",
    off: [["2023-09-01", "2023-09-04"]],
    source: "Nghỉ 1/9 (Friday) và 2/9 (Saturday) → nghỉ bù Monday 04/09/2023",
    verified: true,
  },

  // ---- 2024 ----
  {
    year: 2024,
    occasion: "tet_duong_lich",
    off: [["2023-12-30", "2024-01-01"]],
    source: "01/01/2024 Monday; break 30/12/2023–01/01/2024",
    verified: true,
  },
  // unverified: 08–14/02/2024 (29 tháng Chạp – mùng 5 Giáp Thìn) from memory of the MOLISA notice;
  // not re-checked against a source in this session (it is also what the default rule computes).
  {
    year: 2024,
    occasion: "tet_nguyen_dan",
    off: [["2024-02-08", "2024-02-14"]],
    source: "Nghỉ 7 ngày 08–14/02/2024 (29 tháng Chạp Quý Mão – mùng 5 Giáp Thìn)",
    verified: false,
  },
  {
    year: 2024,
    occasion: "gio_to",
    off: [["2024-04-18", "2024-04-18"]],
    source: "10/3 lunar = Thursday 18/04/2024, no swap",
    verified: true,
  },
  {
    year: 2024,
    occasion: "le_30_4_1_5",
    off: [["2024-04-27", "2024-05-01"]],
    swaps: [{ dayOff: "2024-04-29", workDay: "2024-05-04" }],
    source: "Thủ tướng đồng ý hoán đổi: nghỉ 27/04–01/05/2024, làm bù thứ Bảy 04/05/2024 (press reports)",
    verified: true,
  },
  {
    year: 2024,
    occasion: "quoc_khanh",
    off: [["2024-08-31", "2024-09-03"]],
    source: "Nghỉ 2/9 (Monday) và 3/9/2024; break 31/08–03/09/2024 (press reports)",
    verified: true,
  },

  // ---- 2025 ----
  {
    year: 2025,
    occasion: "tet_duong_lich",
    off: [["2025-01-01", "2025-01-01"]],
    source: "01/01/2025 Wednesday, 1 day",
    verified: true,
  },
  {
    year: 2025,
    occasion: "tet_nguyen_dan",
    off: [["2025-01-25", "2025-02-02"]],
    source: "Nghỉ 9 ngày 25/01–02/02/2025 (26 tháng Chạp Giáp Thìn – mùng 5 Ất Tỵ)",
    verified: true,
  },
  {
    year: 2025,
    occasion: "gio_to",
    off: [["2025-04-05", "2025-04-07"]],
    source: "10/3 lunar = Monday 07/04/2025 + weekend",
    verified: true,
  },
  // The brief said the make-up Saturday was 17/05/2025; TTXVN/VietnamPlus report the swap
  // "từ thứ Sáu 2/5/2025 sang thứ Bảy 26/4/2025", so 26/04 is encoded.
  {
    year: 2025,
    occasion: "le_30_4_1_5",
    off: [["2025-04-30", "2025-05-04"]],
    swaps: [{ dayOff: "2025-05-02", workDay: "2025-04-26" }],
    source: "TTXVN/VietnamPlus: nghỉ 30/04–04/05/2025, hoán đổi thứ Sáu 02/05 sang thứ Bảy 26/04/2025",
    verified: true,
  },
  {
    year: 2025,
    occasion: "quoc_khanh",
    off: [["2025-08-30", "2025-09-02"]],
    source: "Nghỉ 1/9 (Monday) và 2/9/2025; break 30/08–02/09/2025 (press reports)",
    verified: true,
  },

  // ---- 2026 ----
  {
    year: 2026,
    occasion: "tet_duong_lich",
    off: [["2026-01-01", "2026-01-04"]],
    swaps: [{ dayOff: "2026-01-02", workDay: "2026-01-10" }],
    source: "Văn bản 12729/VPCP-KGVX (25/12/2025): nghỉ 01–04/01/2026, hoán đổi thứ Sáu 02/01 sang thứ Bảy 10/01/2026",
    verified: true,
  },
  {
    year: 2026,
    occasion: "tet_nguyen_dan",
    off: [["2026-02-14", "2026-02-22"]],
    source: "Thủ tướng đồng ý (10/2025): nghỉ 14–22/02/2026 (27 tháng Chạp Ất Tỵ – mùng 6 Bính Ngọ)",
    verified: true,
  },
  // unverified: no separate notice found for Giỗ Tổ and 30/4–1/5 2026; these follow the Labour
  // Code (Giỗ Tổ Sunday 26/4 → nghỉ bù Monday 27/4; 30/4 Thursday, 1/5 Friday).
  {
    year: 2026,
    occasion: "gio_to",
    off: [["2026-04-25", "2026-04-27"]],
    source: "10/3 lunar = Sunday 26/04/2026 → nghỉ bù Monday 27/04/2026 (Labour Code art. 111(3))",
    verified: false,
  },
  {
    year: 2026,
    occasion: "le_30_4_1_5",
    off: [["2026-04-30", "2026-05-03"]],
    source: "30/4 Thursday, 1/5 Friday + weekend (Labour Code art. 112)",
    verified: false,
  },
  {
    year: 2026,
    occasion: "quoc_khanh",
    off: [["2026-08-29", "2026-09-02"]],
    swaps: [{ dayOff: "2026-08-31", workDay: "2026-08-22" }],
    source:
      "Thủ tướng đồng ý (10/2025): nghỉ 1/9 và 2/9/2026, hoán đổi thứ Hai 31/08 sang thứ Bảy 22/08/2026; nghỉ 29/08–02/09/2026",
    verified: true,
  },
];

const BREAK_LABELS: Readonly<Record<OfficialNotice["occasion"], string>> = {
  tet_duong_lich: "Nghỉ Tết Dương lịch",
  tet_nguyen_dan: "Tết Nguyên đán",
  gio_to: "Nghỉ lễ Giỗ Tổ Hùng Vương",
  le_30_4_1_5: "Nghỉ lễ 30/4 và 1/5",
  quoc_khanh: "Nghỉ lễ Quốc khánh",
};

/**
 * Expands notices into override rows: one "nghi" row per day of each break and one "lam_bu" row
 * per make-up Saturday. Row names: the law's name of that day when the day is a holiday or a
 * compensatory day of the same occasion ("Giỗ Tổ Hùng Vương", "Nghỉ bù Quốc khánh" …), a swap label
 * for swapped days, else the occasion's break label.
 */
export function expandOfficialNotices(notices: readonly OfficialNotice[]): ResolvedOverride[] {
  const computedByYear = new Map<number, Map<IsoDate, string>>();
  const lawName = (year: number, occasion: HolidayOccasion, date: IsoDate): string | undefined => {
    let byDate = computedByYear.get(year);
    if (!byDate) {
      byDate = new Map();
      for (const e of computeDefaultHolidays(year)) byDate.set(`${e.occasion}|${e.date}`, e.name);
      computedByYear.set(year, byDate);
    }
    return byDate.get(`${occasion}|${date}`);
  };

  const rows: ResolvedOverride[] = [];
  for (const n of notices) {
    const swapOff = new Map((n.swaps ?? []).map((s) => [s.dayOff, s.workDay] as const));
    for (const [from, to] of n.off) {
      for (const date of datesInRange(from, to)) {
        const workDay = swapOff.get(date);
        const name =
          workDay !== undefined
            ? `Nghỉ hoán đổi (làm bù ${vnWeekdayName(workDay)} ${formatVnDate(workDay)})`
            : (lawName(n.year, n.occasion, date) ?? BREAK_LABELS[n.occasion]);
        rows.push({ date, name, kind: "nghi", occasion: n.occasion, occasionYear: n.year });
      }
    }
    for (const s of n.swaps ?? []) {
      rows.push({
        date: s.workDay,
        name: `Làm bù cho ngày nghỉ ${vnWeekdayName(s.dayOff)} ${formatVnDate(s.dayOff)}`,
        kind: "lam_bu",
        occasion: n.occasion,
        occasionYear: n.year,
      });
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

let builtIn: readonly ResolvedOverride[] | null = null;

/** The built-in notices 2021–2026 as override rows (computed once, then reused). */
export function officialNoticeOverrides(): readonly ResolvedOverride[] {
  builtIn ??= Object.freeze(expandOfficialNotices(OFFICIAL_NOTICES).map((row) => Object.freeze(row)));
  return builtIn;
}
