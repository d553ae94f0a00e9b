import { AuditChainHead, AuditEvent } from '../audit/audit-event.entity.js';
import { User } from '../auth/user.entity.js';
import { ClauseRow, DocumentRow, SourceFile, TargetRow } from '../documents/document.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { JobFailure } from '../reminders/job-failure.entity.js';
import { CalendarTokenRow } from '../calendar/calendar-token.entity.js';
import { OutboxRow } from '../outbox/outbox.entity.js';
import { NOTIFICATION_ENTITIES } from '../notifications/notification.entity.js';
import {
  EvidenceFileRow,
  IdempotencyKeyRow,
  ProgressReportRow,
  ReviewRow,
} from '../reports/report.entity.js';
import { ObligationRow, TaskEventRow, TaskPartyRow, TaskRow } from '../tasks/task.entity.js';

// Every entity, listed once: the API, the worker and the migration CLI load the same set.
export const entities = [
  JobFailure,
  AuditEvent,
  AuditChainHead,
  Organization,
  User,
  SourceFile,
  DocumentRow,
  ClauseRow,
  TargetRow,
  TaskRow,
  TaskPartyRow,
  TaskEventRow,
  ObligationRow,
  ProgressReportRow,
  EvidenceFileRow,
  ReviewRow,
  IdempotencyKeyRow,
  ...NOTIFICATION_ENTITIES,
  CalendarTokenRow,
  OutboxRow,
];
