// Fault injection: answer the next matching calls with an error, drop their connection, or
// delay them. "*" matches every method except getUpdates (so that a polling bot keeps
// polling); name getUpdates explicitly to break polling.
import { getString } from "./params.js";
import type { ErrorSpec, Params } from "./types.js";

export type MethodMatcher = string | readonly string[];

export interface FaultScope {
  /** How many matching calls are affected (default 1; delays default to every call). */
  times?: number;
  /** Only calls with this chat_id. */
  chatId?: number | string;
}

export interface DropOptions extends FaultScope {
  /**
   * Process the call (the message is sent) and only then drop the connection: the client sees
   * a network error although the call took effect — the case that duplicates messages on retry.
   */
  afterProcessing?: boolean;
}

interface BaseRule {
  methods: "*" | Set<string>;
  chatId?: string;
  remaining: number;
}

export type FaultRule =
  | (BaseRule & { kind: "fail"; error: ErrorSpec })
  | (BaseRule & { kind: "drop"; afterProcessing: boolean })
  | (BaseRule & { kind: "delay"; ms: number });

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(kind: "fail", methods: MethodMatcher, scope: FaultScope, extra: { error: ErrorSpec }): void;
  add(kind: "drop", methods: MethodMatcher, scope: FaultScope, extra: { afterProcessing: boolean }): void;
  add(kind: "delay", methods: MethodMatcher, scope: FaultScope, extra: { ms: number }): void;
  add(kind: FaultRule["kind"], methods: MethodMatcher, scope: FaultScope, extra: object): void {
    const list = typeof methods === "string" ? [methods] : methods;
    const base: BaseRule = {
      methods: list.includes("*") ? "*" : new Set(list.map((m) => m.toLowerCase())),
      remaining: scope.times ?? (kind === "delay" ? Infinity : 1),
    };
    if (scope.chatId !== undefined) base.chatId = String(scope.chatId);
    this.rules.push({ ...base, kind, ...extra } as FaultRule);
  }

  /** Takes (and counts down) the first rule of that kind matching the call. */
  take<K extends FaultRule["kind"]>(kind: K, method: string, params: Params, filter?: (rule: Extract<FaultRule, { kind: K }>) => boolean): Extract<FaultRule, { kind: K }> | undefined {
    const lower = method.toLowerCase();
    for (const rule of this.rules) {
      if (rule.kind !== kind || rule.remaining <= 0) continue;
      const typed = rule as Extract<FaultRule, { kind: K }>;
      if (filter !== undefined && !filter(typed)) continue;
      if (rule.methods === "*" ? lower === "getupdates" : !rule.methods.has(lower)) continue;
      if (rule.chatId !== undefined && getString(params, "chat_id") !== rule.chatId) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      return typed;
    }
    return undefined;
  }

  /** Removes delay rules for these methods (delay(method, 0)). */
  removeDelays(methods: MethodMatcher): void {
    const list = (typeof methods === "string" ? [methods] : methods).map((m) => m.toLowerCase());
    this.rules = this.rules.filter(
      (r) => r.kind !== "delay" || (r.methods === "*" ? !list.includes("*") : ![...r.methods].some((m) => list.includes(m))),
    );
  }

  clear(): void {
    this.rules = [];
  }

  get active(): readonly FaultRule[] {
    return this.rules;
  }
}
