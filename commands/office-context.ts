// What the office commands (/canbo, /thietlap, /nhatky, /lich) share: the actor a service
// checks, and the office rule checked again on every turn (the command guard checks the role
// list; this checks the services' rule, so the two cannot drift apart silently).
import { refuse } from "../bot/chat/command.js";
import type { Turn } from "../bot/chat/turn.js";
import { mayActAsOffice, type OfficeActor } from "../bot/services/roles.js";

export function officeActor(turn: Turn): OfficeActor {
  const s = turn.identity!.staff;
  return { actor: turn.actor, staffId: s.id, role: s.role };
}

export async function officeOnly(turn: Turn): Promise<boolean> {
  if (turn.identity && mayActAsOffice(officeActor(turn))) return true;
  await refuse(turn, "common.noPermission");
  return false;
}

