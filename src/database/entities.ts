import { AuditChainHead, AuditEvent } from '../audit/audit-event.entity.js';
import { User } from '../auth/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { JobFailure } from '../reminders/job-failure.entity.js';

// Every entity, listed once: the API, the worker and the migration CLI load the same set.
export const entities = [JobFailure, AuditEvent, AuditChainHead, Organization, User];
