// The statuses of a one-stop dossier, and how the one-stop system's own wording maps to them.
// Exports from different one-stop systems word statuses differently ("Đang giải quyết",
// "Yêu cầu bổ sung", "Hoàn thành trước hạn"...): every accepted wording is listed here,
// compared without regard to case, diacritics or Unicode normalisation.
import type { EnumOption } from "../../import/index.js";

export const DOSSIER_STATUSES = ["dang_xu_ly", "cho_bo_sung", "da_tra_dung_han", "da_tra_tre_han", "da_huy"] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Still to be returned to the applicant (the clock runs, or stands still while waiting). */
export const OPEN_STATUSES: readonly DossierStatus[] = ["dang_xu_ly", "cho_bo_sung"];
/** The result was returned to the applicant. */
export const RETURNED_STATUSES: readonly DossierStatus[] = ["da_tra_dung_han", "da_tra_tre_han"];

export function isDossierStatus(v: unknown): v is DossierStatus {
  return typeof v === "string" && (DOSSIER_STATUSES as readonly string[]).includes(v);
}

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function isReturned(status: string): boolean {
  return (RETURNED_STATUSES as readonly string[]).includes(status);
}

/**
 * What a status in the export says. "returned" is a result returned without saying whether on
 * time (e.g. "Đã trả kết quả"): the importer decides from the return date and the due date.
 */
export type ImportedStatus = DossierStatus | "returned";

export const STATUS_WORDINGS: readonly EnumOption<ImportedStatus>[] = [
  {
    value: "dang_xu_ly",
    labels: [
      "Đang xử lý",
      "dang_xu_ly",
      "Đang giải quyết",
      "Đang thụ lý",
      "Mới tiếp nhận",
      "Đã tiếp nhận",
      "Tiếp nhận",
      "Chờ xử lý",
      "Đang thẩm định",
      "Chờ phê duyệt",
      "Chờ ký",
      "Đang trình ký",
      "Chờ trả kết quả",
      "Quá hạn",
      "Đang xử lý quá hạn",
      "Đang xử lý trễ hạn",
      "Đang xử lý trong hạn",
      "Trong hạn",
    ],
  },
  {
    value: "cho_bo_sung",
    labels: [
      "Chờ bổ sung",
      "cho_bo_sung",
      "Yêu cầu bổ sung",
      "Yêu cầu bổ sung hồ sơ",
      "Chờ bổ sung hồ sơ",
      "Chờ công dân bổ sung",
      "Đang bổ sung",
      "Bổ sung hồ sơ",
      "Tạm dừng chờ bổ sung",
    ],
  },
  {
    value: "da_tra_dung_han",
    labels: [
      "Đã trả đúng hạn",
      "da_tra_dung_han",
      "Trả đúng hạn",
      "Đã trả kết quả đúng hạn",
      "Hoàn thành đúng hạn",
      "Đã trả trước hạn",
      "Trả trước hạn",
      "Hoàn thành trước hạn",
      "Đúng hạn",
      "Trước hạn",
    ],
  },
  {
    value: "da_tra_tre_han",
    labels: [
      "Đã trả trễ hạn",
      "da_tra_tre_han",
      "Trả trễ hạn",
      "Đã trả quá hạn",
      "Trả quá hạn",
      "Đã trả kết quả trễ hạn",
      "Đã trả kết quả quá hạn",
      "Hoàn thành trễ hạn",
      "Hoàn thành quá hạn",
      "Trễ hạn",
    ],
  },
  {
    value: "returned",
    labels: ["Đã trả kết quả", "Đã trả", "Trả kết quả", "Hoàn thành", "Đã hoàn thành", "Đã giải quyết", "Đã có kết quả và đã trả"],
  },
  {
    value: "da_huy",
    labels: [
      "Đã hủy",
      "da_huy",
      "Hủy",
      "Hủy hồ sơ",
      "Đã rút",
      "Rút hồ sơ",
      "Đã rút hồ sơ",
      "Công dân rút hồ sơ",
      "Dừng xử lý",
      "Đã hủy/rút",
    ],
  },
];
