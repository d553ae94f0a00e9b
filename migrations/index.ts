import { JobFailures1795451977966 } from './1795451977966-job-failures.js';

// Every migration in order. `npm run migration:check` fails when a file here is not listed.
export const migrations = [JobFailures1795451977966];
