// How a staff member is named to themselves and others.
import type { Translate, TKey } from "../i18n.js";
import type { Role } from "./roles.js";

export function roleLabel(t: Translate, role: string): string {
  return t(`roles.${role as Role}` as TKey);
}
