// The plan's indicators (section II "Mục tiêu" of the 2021 plan, and what its sections III–VI
// ask the department to follow), each with the plan's own target where it sets a number:
// - measured ones come from the bot's data for the period (reports/figures.ts);
// - the others (figures kept in systems the bot does not see) are entered by the office per
//   period, with their source and date (/chiso nhap, `cli indicators set`).
// Names and the plan's wording are in the locales (indicators.items.<key>).
import type { PeriodFigures } from "../reports/figures.js";

/** A measured indicator's value: numerator / denominator (a rate), or nothing to measure yet. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

interface Common {
  key: string;
  /** The plan's section the target comes from ("II.1"). */
  section: string;
  /** The target in percent, "at least"; null when the plan sets no number. */
  target: number | null;
}

export interface MeasuredIndicator extends Common {
  origin: "measured";
  measure(f: PeriodFigures): Ratio;
}

export interface EnteredIndicator extends Common {
  origin: "entered";
  /** A percentage 0–100, or a count of the department's units out of all of them. */
  kind: "percent" | "unitCount";
}

export type Indicator = MeasuredIndicator | EnteredIndicator;

export const INDICATORS: readonly Indicator[] = [
  {
    key: "ho_so_dung_han",
    origin: "measured",
    section: "II.2",
    target: 100,
    measure: (f) => ({ numerator: f.dossiers.handledOnTime, denominator: f.dossiers.handled }),
  },
  { key: "dvc_muc_3_4", origin: "entered", kind: "percent", section: "II.2", target: 30 },
  { key: "van_ban_dien_tu", origin: "entered", kind: "percent", section: "II.1", target: 100 },
  { key: "he_thong_dung_chung", origin: "entered", kind: "unitCount", section: "II.1", target: 100 },
  {
    key: "nhiem_vu_hoan_thanh",
    origin: "measured",
    section: "III–V",
    target: null,
    measure: (f) => ({ numerator: f.tasks.done, denominator: f.tasks.total }),
  },
  {
    key: "canh_bao_da_doc",
    origin: "measured",
    section: "II.3",
    target: null,
    measure: (f) => ({ numerator: f.alerts.read, denominator: f.alerts.recipients }),
  },
  {
    key: "canh_bao_khac_phuc",
    origin: "measured",
    section: "II.3",
    target: null,
    measure: (f) => ({ numerator: f.alerts.remediationHandled, denominator: f.alerts.remediationTotal }),
  },
];

export const ENTERED_INDICATORS: readonly EnteredIndicator[] = INDICATORS.filter((i): i is EnteredIndicator => i.origin === "entered");

export function indicatorByKey(key: string): Indicator | undefined {
  return INDICATORS.find((i) => i.key === key);
}
