import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ExportsController } from './exports.controller.js';
import { SummariesController } from './summaries.controller.js';
import { SummariesRepository } from './summaries.repository.js';
import { SummariesService } from './summaries.service.js';
import { SummaryExportService } from './summary-export.service.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [SummariesController, ExportsController],
  providers: [SummariesRepository, SummariesService, SummaryExportService],
  exports: [SummariesService],
})
export class SummariesModule {}
