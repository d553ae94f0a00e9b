import { JobFailure } from '../reminders/job-failure.entity.js';

// Every entity, listed once: the API, the worker and the migration CLI load the same set.
export const entities = [JobFailure];
