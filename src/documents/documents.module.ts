import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { NotificationsCoreModule } from '../notifications/notifications-core.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { ClauseRow, DocumentRow, SourceFile, TargetRow } from './document.entity.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([SourceFile, DocumentRow, ClauseRow, TargetRow]),
    OrganizationsModule,
    TasksModule,
    NotificationsCoreModule,
  ],
  controllers: [DocumentsController],
  providers: [DocumentsRepository, DocumentsService],
  exports: [DocumentsRepository, DocumentsService],
})
export class DocumentsModule {}
