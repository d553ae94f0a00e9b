import { JobFailures1795451977966 } from './1795451977966-job-failures.js';
import { DirectoryUsersAudit1795452758801 } from './1795452758801-directory-users-audit.js';
import { DocumentsTasksReports1795452998905 } from './1795452998905-documents-tasks-reports.js';
import { Notifications1795453826958 } from './1795453826958-notifications.js';
import { SummaryIndexes1795456919476 } from './1795456919476-summary-indexes.js';
import { Outbox1795460043701 } from './1795460043701-outbox.js';
import { AuditAppend1795460043702 } from './1795460043702-audit-append.js';
import { StorageKeyIndexes1795460043703 } from './1795460043703-storage-key-indexes.js';

// Every migration in order. `npm run migration:check` fails when a file here is not listed.
export const migrations = [
  JobFailures1795451977966,
  DirectoryUsersAudit1795452758801,
  DocumentsTasksReports1795452998905,
  Notifications1795453826958,
  SummaryIndexes1795456919476,
  Outbox1795460043701,
  AuditAppend1795460043702,
  StorageKeyIndexes1795460043703,
];
