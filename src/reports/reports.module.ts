import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorageModule } from '../common/storage/storage.module.js';
import { NotificationsCoreModule } from '../notifications/notifications-core.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import {
  EvidenceFileRow,
  IdempotencyKeyRow,
  ProgressReportRow,
  ReviewRow,
} from './report.entity.js';
import { ReportUploadReader } from './report-upload.reader.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ProgressReportRow, EvidenceFileRow, ReviewRow, IdempotencyKeyRow]),
    StorageModule,
    TasksModule,
    NotificationsCoreModule,
  ],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService, ReportUploadReader],
  exports: [ReportsService],
})
export class ReportsModule {}
