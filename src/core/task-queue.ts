/**
 * Runs tasks at most `concurrency` at a time, in the order they are queued. `add` returns the
 * task's promise at once, so a caller can start many and take their results in its own order;
 * a rejection is seen where the promise is awaited, and is never an unhandled one meanwhile.
 */
export class TaskQueue {
  private readonly waiting: Array<() => void> = [];
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;
  private readonly concurrency: number;

  constructor(concurrency: number) {
    this.concurrency = Math.max(1, Math.floor(concurrency));
  }

  /** Queues `task` after those waiting. */
  add<T>(task: () => Promise<T>): Promise<T> {
    return this.enqueue(task, 'last');
  }

  /** Queues `task` before those waiting: work the caller waits for now, which takes the next free place. */
  addFirst<T>(task: () => Promise<T>): Promise<T> {
    return this.enqueue(task, 'first');
  }

  private enqueue<T>(task: () => Promise<T>, where: 'first' | 'last'): Promise<T> {
    const result = new Promise<T>((resolve, reject) => {
      const start = (): void => {
        // A task that throws before its first await rejects like one that throws after it.
        const run = Promise.resolve().then(task);
        this.running.add(run);
        void run.then(resolve, reject).finally(() => {
          this.running.delete(run);
          this.next();
        });
      };
      if (where === 'first') this.waiting.unshift(start);
      else this.waiting.push(start);
    });
    // Awaited later, in the caller's order: until then a rejection must not count as unhandled.
    result.catch(() => undefined);
    this.next();
    return result;
  }

  /**
   * Starts no more tasks: those still waiting never run, and their promises never settle.
   * Resolves once the tasks in flight have ended, so none runs on after the caller gives up.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.length = 0;
    await Promise.allSettled([...this.running]);
  }

  private next(): void {
    while (!this.stopped && this.running.size < this.concurrency) {
      const start = this.waiting.shift();
      if (!start) return;
      start();
    }
  }
}
