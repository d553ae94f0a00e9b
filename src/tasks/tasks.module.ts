import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsCoreModule } from '../notifications/notifications-core.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ObligationRow, TaskEventRow, TaskPartyRow, TaskRow } from './task.entity.js';
import { TasksController } from './tasks.controller.js';
import { TasksRepository } from './tasks.repository.js';
import { TasksService } from './tasks.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([TaskRow, TaskPartyRow, TaskEventRow, ObligationRow]),
    OrganizationsModule,
    NotificationsCoreModule,
  ],
  controllers: [TasksController],
  providers: [TasksRepository, TasksService],
  exports: [TasksRepository, TasksService],
})
export class TasksModule {}
