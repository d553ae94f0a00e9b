import { describe, expect, it } from '@jest/globals';
import { Batcher } from './batcher.js';

/** A batch function that records its calls and answers each key with `key * 10`. */
function recorder(answer: (keys: number[]) => Promise<Map<number, number>> = squareAll) {
  const calls: number[][] = [];
  return {
    calls,
    run: (keys: number[]) => {
      calls.push([...keys]);
      return answer(keys);
    },
  };
}

function squareAll(keys: number[]): Promise<Map<number, number>> {
  return Promise.resolve(new Map(keys.map((k) => [k, k * 10])));
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher', () => {
  it('sends the keys of one turn in one call; each caller gets its own result', async () => {
    const r = recorder();
    const b = new Batcher({ run: r.run, maxBatch: 100, maxInFlight: 1 });
    await expect(Promise.all([1, 2, 3].map((k) => b.submit(k)))).resolves.toEqual([10, 20, 30]);
    expect(r.calls).toEqual([[1, 2, 3]]);
  });

  it('splits at maxBatch', async () => {
    const r = recorder();
    const b = new Batcher({ run: r.run, maxBatch: 2, maxInFlight: 4 });
    await expect(Promise.all([1, 2, 3, 4, 5].map((k) => b.submit(k)))).resolves.toEqual([
      10, 20, 30, 40, 50,
    ]);
    expect(r.calls).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('keys arriving while maxInFlight calls run wait and go out together next', async () => {
    const gate = deferred<void>();
    const r = recorder(async (keys) => {
      if (keys.includes(1)) await gate.promise;
      return squareAll(keys);
    });
    const b = new Batcher({ run: r.run, maxBatch: 100, maxInFlight: 1 });
    const first = b.submit(1);
    await turn();
    const later = [2, 3, 4].map((k) => b.submit(k));
    await turn();
    await turn();
    expect(r.calls).toEqual([[1]]);
    expect(b.pending).toEqual({ waiting: 3, inFlight: 1 });
    gate.resolve();
    await expect(Promise.all([first, ...later])).resolves.toEqual([10, 20, 30, 40]);
    expect(r.calls).toEqual([[1], [2, 3, 4]]);
    expect(b.pending).toEqual({ waiting: 0, inFlight: 0 });
  });

  it('never puts a key twice in one call; both callers are answered', async () => {
    const r = recorder();
    const b = new Batcher({ run: r.run, maxBatch: 100, maxInFlight: 1 });
    await expect(Promise.all([7, 8, 7].map((k) => b.submit(k)))).resolves.toEqual([70, 80, 70]);
    expect(r.calls).toEqual([[7, 8], [7]]);
  });

  it('a failed batch is retried key by key: the error reaches only the caller it belongs to', async () => {
    const r = recorder((keys) =>
      keys.includes(2) ? Promise.reject(new Error('bad row 2')) : squareAll(keys),
    );
    const b = new Batcher({ run: r.run, maxBatch: 100, maxInFlight: 1 });
    const results = await Promise.allSettled([1, 2, 3].map((k) => b.submit(k)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('bad row 2') },
      { status: 'fulfilled', value: 30 },
    ]);
    expect(r.calls).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('an error that is not about one key fails every caller of the batch', async () => {
    const down = new Error('connection lost');
    let up = false;
    const r = recorder((keys) => (up ? squareAll(keys) : Promise.reject(down)));
    const b = new Batcher({ run: r.run, maxBatch: 100, maxInFlight: 2 });
    const results = await Promise.allSettled([1, 2].map((k) => b.submit(k)));
    expect(results).toEqual([
      { status: 'rejected', reason: down },
      { status: 'rejected', reason: down },
    ]);
    await turn();
    expect(b.pending).toEqual({ waiting: 0, inFlight: 0 });
    up = true; // and it goes on working when the database is back
    await expect(b.submit(4)).resolves.toBe(40);
  });

  it('a key left out of the answer is an error for its caller only', async () => {
    const r = recorder((keys) =>
      Promise.resolve(new Map(keys.filter((k) => k !== 2).map((k) => [k, k]))),
    );
    const b = new Batcher({ run: r.run, maxBatch: 100, maxInFlight: 1 });
    const results = await Promise.allSettled([1, 2].map((k) => b.submit(k)));
    expect(results[0]).toEqual({ status: 'fulfilled', value: 1 });
    expect(results[1]).toMatchObject({ status: 'rejected' });
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/no result for 2/);
  });

  it('refuses a size or an in-flight limit below 1', () => {
    expect(() => new Batcher({ run: squareAll, maxBatch: 0, maxInFlight: 1 })).toThrow(
      /at least 1/,
    );
    expect(() => new Batcher({ run: squareAll, maxBatch: 1, maxInFlight: 0 })).toThrow(
      /at least 1/,
    );
  });
});
