import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QueueName } from '../reminders/queues.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxService } from './outbox.service.js';

/** The transactional outbox and its relay: in the API and in the worker. */
@Global()
@Module({
  imports: [
    BullModule.registerQueue(
      { name: QueueName.System },
      { name: QueueName.Reminders },
      { name: QueueName.Notifications },
    ),
  ],
  providers: [OutboxRepository, OutboxRelay, OutboxService],
  exports: [OutboxService, OutboxRelay],
})
export class OutboxModule {}
