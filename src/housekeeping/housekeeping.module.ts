import { Module } from '@nestjs/common';
import { StorageModule } from '../common/storage/storage.module.js';
import { HousekeepingJob } from './housekeeping.job.js';
import { HousekeepingRepository } from './housekeeping.repository.js';

/** The nightly clean-up; its job runs in the worker (reminders queue). */
@Module({
  imports: [StorageModule],
  providers: [HousekeepingRepository, HousekeepingJob],
  exports: [HousekeepingJob],
})
export class HousekeepingModule {}
