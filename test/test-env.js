/** The environment every test process runs with (the queue prefix is added per run). */
export const TEST_ENV = {
  NODE_ENV: 'test',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dondoc_test',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  THROTTLE_LIMIT: '100000',
  STORAGE_DIR: 'test-output/storage',
  LOGIN_THROTTLE_LIMIT: '100000',
  // the tests' webhook receivers listen on 127.0.0.1; the refusal is tested with it off
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
};
