import { describe, expect, it } from '@jest/globals';
import { Semaphore } from './semaphore.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('lets at most `limit` callers in at once, the others in the order they came', async () => {
    const s = new Semaphore(2);
    const order: string[] = [];
    let inside = 0;
    let most = 0;
    const gates = new Map<number, () => void>();
    const tasks = [1, 2, 3, 4].map((k) =>
      s.run(async () => {
        inside += 1;
        most = Math.max(most, inside);
        order.push(`in ${k}`);
        await new Promise<void>((resolve) => gates.set(k, resolve));
        inside -= 1;
        return k;
      }),
    );
    await turn();
    expect(order).toEqual(['in 1', 'in 2']);
    expect(s.pending).toEqual({ active: 2, waiting: 2 });
    gates.get(2)!();
    await turn();
    expect(order).toEqual(['in 1', 'in 2', 'in 3']);
    gates.get(1)!();
    await turn();
    gates.get(3)!();
    await turn();
    gates.get(4)!();
    await expect(Promise.all(tasks)).resolves.toEqual([1, 2, 3, 4]);
    expect(order).toEqual(['in 1', 'in 2', 'in 3', 'in 4']);
    expect(most).toBe(2);
    expect(s.pending).toEqual({ active: 0, waiting: 0 });
  });

  it('a caller that throws gives its place back', async () => {
    const s = new Semaphore(1);
    await expect(s.run(() => Promise.reject(new Error('smtp down')))).rejects.toThrow('smtp down');
    await expect(s.run(() => Promise.resolve('next'))).resolves.toBe('next');
    expect(s.pending).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses a limit below 1', () => {
    expect(() => new Semaphore(0)).toThrow(/at least 1/);
  });
});
