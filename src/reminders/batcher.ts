// Coalesces single-key calls of concurrently running jobs into one call for many keys: at
// thousands of jobs a second the database round trip and commit per job, not BullMQ, is the
// limit. Pure: no Nest, no database; the caller supplies the batch function.

export interface BatcherOptions<K, R> {
  /**
   * Does the work for many distinct keys at once and resolves with each key's result. A key
   * missing from the map is an error for its caller. It must be safe to run again for a key:
   * a failed batch is retried one key at a time.
   */
  run: (keys: K[]) => Promise<Map<K, R>>;
  /** Most keys in one call. */
  maxBatch: number;
  /**
   * Calls running at once. Keys that arrive meanwhile wait and form the next batch, so a batch
   * grows with the load (as a group commit does) instead of waiting on a timer.
   */
  maxInFlight: number;
}

interface Waiter<K, R> {
  key: K;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class Batcher<K, R> {
  private queue: Waiter<K, R>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly options: BatcherOptions<K, R>) {
    if (!(options.maxBatch >= 1) || !(options.maxInFlight >= 1)) {
      throw new Error('Batcher: maxBatch and maxInFlight must be at least 1');
    }
  }

  /** Resolves with this key's result, or rejects with the error that stopped its batch. */
  submit(key: K): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      // Keys handed over in the same turn of the event loop (jobs whose data arrived in the
      // same read from Redis) go out together.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Keys waiting for a batch, and batches running: for tests and metrics. */
  get pending(): { waiting: number; inFlight: number } {
    return { waiting: this.queue.length, inFlight: this.inFlight };
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight += 1;
      void this.execute(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /**
   * Up to maxBatch distinct keys, oldest first. A key submitted twice waits for the next batch,
   * so a batch function never sees a key twice and each caller gets an answer of its own.
   */
  private take(): Waiter<K, R>[] {
    const keys = new Set<K>();
    const batch: Waiter<K, R>[] = [];
    const rest: Waiter<K, R>[] = [];
    for (const w of this.queue) {
      if (keys.size < this.options.maxBatch && !keys.has(w.key)) {
        keys.add(w.key);
        batch.push(w);
      } else {
        rest.push(w);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async execute(batch: Waiter<K, R>[]): Promise<void> {
    let results: Map<K, R>;
    try {
      results = await this.options.run(batch.map((w) => w.key));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // Which key the failure belongs to is unknown (a deadlock, a lost connection, one bad
      // row): each key is tried alone, so an error reaches only the jobs it belongs to.
      for (const w of batch) await this.execute([w]);
      return;
    }
    for (const w of batch) {
      if (results.has(w.key)) w.resolve(results.get(w.key)!);
      else
        w.reject(new Error(`Batcher: the batch function returned no result for ${String(w.key)}`));
    }
  }
}
