// A start-up that cannot go on: main prints the message (one line, no secret) and exits 1.
export class StartupError extends Error {
  override name = "StartupError";
}
