// One recipient never costs the others their message: a job handles each recipient (or each
// digest, each escalation) on its own. A failure is logged and collected; the rest go on; at
// the end the run is recorded as failed with what failed, so the scheduler retries the slot,
// and the retry sends only what is still missing (every message has a de-duplication key and
// the jobs skip what is already recorded).
import type { Logger } from "../logger.js";

export interface RecipientFailure {
  /** Who or what failed, e.g. "staff:42" (never a message text, which may be personal). */
  key: string;
  error: string;
}

/** Raised at the end of a run in which some recipients failed; carries the run's summary. */
export class PartialFailure extends Error {
  constructor(
    readonly summary: Record<string, unknown>,
    readonly failures: readonly RecipientFailure[],
  ) {
    super(`${failures.length} recipient(s) failed: ${failures.slice(0, 5).map((f) => `${f.key} (${f.error})`).join("; ")}`);
  }
}

export class RecipientErrors {
  readonly failures: RecipientFailure[] = [];

  constructor(
    private readonly logger: Pick<Logger, "error"> | undefined,
    private readonly job: string,
  ) {}

  /** Runs one recipient's part; a failure is logged and kept, and `undefined` returned. */
  async each<T>(key: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (e) {
      const error = String((e as Error).message ?? e).slice(0, 300);
      this.failures.push({ key, error });
      this.logger?.error({ job: this.job, recipient: key, error }, "recipient failed; the others go on");
      return undefined;
    }
  }

  /** The summary to record, or a PartialFailure when someone was missed (the slot is retried). */
  finish<S extends Record<string, unknown>>(summary: S): S {
    if (this.failures.length) throw new PartialFailure({ ...summary, failed: this.failures.length }, this.failures);
    return summary;
  }
}
