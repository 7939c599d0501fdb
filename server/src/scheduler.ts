/**
 * Debounced, per-document lint runs. Each change restarts the document's timer,
 * so a burst of keystrokes costs one lint, of the latest text; a run that waits
 * (on settings) learns through `isCurrent` whether a newer run or a close has
 * superseded it, and then publishes nothing.
 */
export type LintRun = (uri: string, isCurrent: () => boolean) => Promise<void>;

export class LintScheduler {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #generations = new Map<string, number>();

  constructor(
    private readonly run: LintRun,
    private readonly onError: (uri: string, error: unknown) => void,
  ) {}

  /** Lints `uri` after `delayMs` unless scheduled again before then. */
  schedule(uri: string, delayMs: number): void {
    this.#clearTimer(uri);
    const generation = this.#bump(uri);
    const timer = setTimeout(() => {
      this.#timers.delete(uri);
      const isCurrent = () => this.#generations.get(uri) === generation;
      this.run(uri, isCurrent).catch((error: unknown) => this.onError(uri, error));
    }, delayMs);
    this.#timers.set(uri, timer);
  }

  /** Drops a pending run and invalidates one in flight (the document closed). */
  cancel(uri: string): void {
    this.#clearTimer(uri);
    this.#generations.delete(uri);
  }

  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#generations.clear();
  }

  #bump(uri: string): number {
    const next = (this.#generations.get(uri) ?? 0) + 1;
    this.#generations.set(uri, next);
    return next;
  }

  #clearTimer(uri: string): void {
    const timer = this.#timers.get(uri);
    if (timer) clearTimeout(timer);
    this.#timers.delete(uri);
  }
}
