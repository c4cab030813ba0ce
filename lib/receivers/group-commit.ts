/**
 * Group commit: callers submit one item each and wait for it to be written; items that arrive while a write
 * is running are written together by the next one. Under load a batch grows to what arrived during the
 * previous write, so the number of transactions stays flat while throughput rises; with no load an item is
 * written on the next turn of the event loop, without waiting for a timer.
 */
export interface GroupCommitOptions<T, R> {
  /** Writes the items in one go; returns one result per item, in order. */
  flush: (items: T[]) => Promise<R[]>;
  /** Upper bound on one batch (bounds statement size and the latency of the last item in it). */
  maxBatch?: number;
  /**
   * How many writes may run at once (default 1). Above 1 a batch starts as soon as a write slot is free, for
   * a database that commits on several connections in parallel.
   */
  concurrency?: number;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private running = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly concurrency: number;

  constructor(private readonly options: GroupCommitOptions<T, R>) {
    this.maxBatch = options.maxBatch ?? 200;
    this.concurrency = Math.max(1, Math.trunc(options.concurrency ?? 1));
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting for the next write (for tests and diagnostics). */
  get backlog(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.running >= this.concurrency || this.scheduled) return;
    this.scheduled = true;
    // setImmediate lets requests already parsed in this turn join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  /** Starts writers up to the concurrency; each takes batches until the queue is empty. */
  private drain(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      this.running += 1;
      void this.writer();
    }
  }

  private async writer(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.write(batch);
      }
    } finally {
      this.running -= 1;
    }
  }

  private async write(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await this.options.flush(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        p.resolve(results[i] as R);
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One bad item must not fail the others: retry them one by one.
      for (const pending of batch) await this.write([pending]);
    }
  }
}
