import { type DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type Runtime } from './core.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { SystemJobsModule } from './reminders/system-jobs.module.js';
import { ReminderJobsModule } from './reminders/reminder-jobs.module.js';

/** The worker process: the same core as the API, with the queue consumers instead of HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(runtime), OutboxModule, SystemJobsModule, ReminderJobsModule],
    };
  }
}
