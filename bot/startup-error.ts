// A start-up that cannot go on: main prints the message (one line, no secret) and exits 1.
export class StartupError extends Error {
  override name = "StartupError";
}

/** Start-up stopped on purpose (SIGTERM or Ctrl+C while it waited for Telegram): main exits 0. */
export class StartupAborted extends Error {
  override name = "StartupAborted";
  constructor() {
    super("start-up stopped by a signal");
  }
}
