// At most `limit` callers inside at once; the others wait their turn in order. Pure.

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new Error('Semaphore: the limit must be at least 1');
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active += 1;
    // a released place is handed straight to the next waiter, so `active` stays as it is
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  /** Callers inside and callers waiting: for tests and metrics. */
  get pending(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
