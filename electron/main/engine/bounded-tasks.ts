/**
 * At most `limit` tasks pending at once, in O(1) per task: awaiting Promise.race over the pending set costs
 * O(limit) per file, which at a few hundred in flight took more CPU than the scan's own work.
 * The first task that fails makes the next add() or drain() throw its error.
 */
export class BoundedTasks {
  private pending = 0;
  private waiter: (() => void) | null = null;
  private failure: { error: unknown } | null = null;

  constructor(private readonly limit: number) {}

  /** Tracks the task; waits while `limit` tasks are pending. */
  async add(task: Promise<void>): Promise<void> {
    this.pending++;
    task.then(
      () => this.settle(),
      (error: unknown) => {
        this.failure ??= { error };
        this.settle();
      },
    );
    while (this.pending >= this.limit) await this.next();
    this.rethrow();
  }

  /** Waits for every pending task. */
  async drain(): Promise<void> {
    while (this.pending > 0) await this.next();
    this.rethrow();
  }

  private next(): Promise<void> {
    return new Promise((resolve) => (this.waiter = resolve));
  }

  private settle(): void {
    this.pending--;
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}
