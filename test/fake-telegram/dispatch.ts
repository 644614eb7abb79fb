// Runs one Bot API method and shapes Telegram's answer.
import { Described, type FakeContext, type MethodCall } from "./context.js";
import { TgError } from "./errors.js";
import { METHODS } from "./methods/index.js";
import type { TgResponse } from "./types.js";

export interface MethodOutcome {
  status: number;
  response: TgResponse;
}

export function errorOutcome(error: TgError): MethodOutcome {
  return { status: error.errorCode, response: error.toResponse() };
}

/** Throws only for PollAborted and for bugs in the fake; Telegram errors become outcomes. */
export async function runMethod(ctx: FakeContext, call: MethodCall): Promise<MethodOutcome> {
  const handler = METHODS.get(call.method.toLowerCase());
  if (handler === undefined) return errorOutcome(new TgError(404, "Not Found: method not found"));
  try {
    const value: unknown = await handler(ctx, call);
    const response: TgResponse =
      value instanceof Described
        ? { ok: true, result: value.result, description: value.description }
        : { ok: true, result: value };
    // What the client gets is the JSON text: keep a detached copy, not live objects.
    return { status: 200, response: JSON.parse(JSON.stringify(response)) as TgResponse };
  } catch (error) {
    if (error instanceof TgError) return errorOutcome(error);
    throw error;
  }
}
