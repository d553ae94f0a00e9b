// Suites run as CommonJS compiled by swc (see test/jest-transform.cjs for why).
export default {
  testEnvironment: 'node',
  transform: { '\\.(ts|js|mjs)$': '<rootDir>/test/jest-transform.cjs' },
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
};
