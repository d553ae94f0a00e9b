import { TEST_ENV } from './test-env.js';

// Workers inherit the run's QUEUE_PREFIX from the global setup; the rest is fixed here too so a
// single spec run directly still talks to the test database, never the demo's.
for (const [key, value] of Object.entries(TEST_ENV)) {
  if (key === 'THROTTLE_LIMIT' && process.env[key]) continue;
  process.env[key] = value;
}
