import { Injectable } from '@nestjs/common';
import {
  ReminderSweepService,
  type SweepResult,
} from '../../notifications/reminder-sweep.service.js';
import type { JobName, JobPayloads } from '../queues.js';

export type ReminderSweepPayload = JobPayloads[JobName.ReminderSweep];

/** The scheduled sweep: the same service the admin route runs, at the current time. */
@Injectable()
export class ReminderSweepJob {
  constructor(private readonly sweeper: ReminderSweepService) {}

  handle(_payload: ReminderSweepPayload): Promise<SweepResult> {
    return this.sweeper.sweep(new Date());
  }
}
