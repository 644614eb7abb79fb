// Who runs an office action (/canbo, /thietlap, /nhatky, /lich or the CLI): a chat user checked
// against their role, or the office's command line on the server (whoever can run it already
// holds the database). The services check it again, whatever the chat's guard said.
import { isOffice } from "./roles.js";

export interface OfficeActor {
  /** For the audit log: "<platform>:<user id>" or "cli:<os user>". */
  actor: string;
  staffId: number | null;
  role: string | null;
}

export function mayActAsOffice(a: OfficeActor): boolean {
  return a.actor.startsWith("cli:") || (a.role !== null && isOffice(a.role));
}
