// Telegram-shaped errors: `{ ok: false, error_code, description, parameters? }`.
import type { ErrorSpec, TgResponse, TgResponseParameters } from "./types.js";

export class TgError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: TgResponseParameters,
  ) {
    super(description);
    this.name = "TgError";
  }

  toResponse(): TgResponse {
    return this.parameters === undefined
      ? { ok: false, error_code: this.errorCode, description: this.description }
      : { ok: false, error_code: this.errorCode, description: this.description, parameters: this.parameters };
  }
}

export const badRequest = (what: string): TgError => new TgError(400, `Bad Request: ${what}`);
export const forbidden = (what: string): TgError => new TgError(403, `Forbidden: ${what}`);

export const conflict = (what: string): TgError => new TgError(409, `Conflict: ${what}`);

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Builds the error a fault rule injects, filling Telegram's usual wording. */
export function errorFromSpec(spec: ErrorSpec): TgError {
  const parameters: TgResponseParameters = {};
  if (spec.retry_after !== undefined) parameters.retry_after = spec.retry_after;
  if (spec.migrate_to_chat_id !== undefined) parameters.migrate_to_chat_id = spec.migrate_to_chat_id;
  let description = spec.description;
  if (description === undefined) {
    if (spec.error_code === 429) description = `Too Many Requests: retry after ${spec.retry_after ?? 5}`;
    else description = DEFAULT_DESCRIPTIONS[spec.error_code] ?? `Error ${spec.error_code}`;
  }
  if (spec.error_code === 429 && parameters.retry_after === undefined) {
    parameters.retry_after = Number(/retry after (\d+)/.exec(description)?.[1] ?? 5);
  }
  return new TgError(spec.error_code, description, Object.keys(parameters).length > 0 ? parameters : undefined);
}
