// Structured logs (pino) that never carry a secret: every line passes through a
// scrubber that removes bot tokens, the webhook secret and invite codes, whatever
// produced them (an HttpError message holds the request URL, and the URL holds the token).
import { Writable } from "node:stream";
import pino, { type Logger } from "pino";

const TOKEN_RE = /\d{5,16}:[A-Za-z0-9_-]{30,64}/g;
const START_PAYLOAD_RE = /(\/start(?:@\w+)?\s+|[?&]start=)[A-Za-z0-9_-]{8,64}/g;
// One-time download links (Zalo's documents): the token is the key to the file.
const DOWNLOAD_RE = /(\/files\/)[A-Za-z0-9_-]{43}/g;

export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join("[redacted]");
  return out.replace(TOKEN_RE, "[token]").replace(START_PAYLOAD_RE, "$1[invite]").replace(DOWNLOAD_RE, "$1[link]");
}

export interface LoggerOptions {
  level: string;
  secrets?: readonly string[];
  destination?: NodeJS.WritableStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  const target = opts.destination ?? process.stdout;
  const secrets = (opts.secrets ?? []).filter((s) => s.length > 0);
  const scrubbed = new Writable({
    write(chunk: Buffer, _enc, cb) {
      target.write(scrubSecrets(chunk.toString("utf8"), secrets));
      cb();
    },
  });
  return pino(
    {
      level: opts.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    scrubbed,
  );
}

export type { Logger };

/**
 * An error as a small log record: what a channel knows about its platform's errors (`known`,
 * e.g. the method and code of an API refusal), else the error's name, message and stack. Never
 * the raw error: an HTTP client's message may hold the request URL, and the URL the token.
 */
export function describeError(err: unknown, known?: (err: unknown) => Record<string, unknown> | undefined): Record<string, unknown> {
  const platform = known?.(err);
  if (platform) return platform;
  if (err instanceof Error) return { kind: err.name, message: err.message, stack: err.stack };
  return { kind: typeof err, message: String(err) };
}
