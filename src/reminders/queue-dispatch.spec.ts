import { describe, expect, it } from '@jest/globals';
import { assertHandlersCover } from './queue-dispatch.js';
import { JOB_QUEUE, JobName, QueueName } from './queues.js';

describe('assertHandlersCover', () => {
  it('accepts a worker that handles every job of its queue', () => {
    expect(() =>
      assertHandlersCover(QueueName.System, JOB_QUEUE, { [JobName.Heartbeat]: () => null }),
    ).not.toThrow();
  });

  it('refuses a worker that would drop a job of its queue', () => {
    expect(() => assertHandlersCover(QueueName.System, JOB_QUEUE, {})).toThrow(
      /no handler for: heartbeat/,
    );
  });
});
