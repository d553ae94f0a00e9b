import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobFailure } from './job-failure.entity.js';
import { JobFailureRepository } from './job-failure.repository.js';
import { HeartbeatJob } from './jobs/heartbeat.job.js';
import { QueueName } from './queues.js';
import { SystemProcessor } from './system.processor.js';

/** Consumers of the system queue; imported by the worker only. */
@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.System }),
    TypeOrmModule.forFeature([JobFailure]),
  ],
  providers: [HeartbeatJob, JobFailureRepository, SystemProcessor],
})
export class SystemJobsModule {}
