import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { OverviewQueryDto, SummaryQueryDto, TargetsQueryDto } from './dto/summary-query.dto.js';
import { SummariesService } from './summaries.service.js';

@ApiTags('summaries')
@ApiBearerAuth()
@Roles('office', 'inspector')
@Controller('summaries')
export class SummariesController {
  constructor(private readonly summaries: SummariesService) {}

  @Get('overview')
  @ApiOperation({
    summary:
      'Tổng hợp nhiệm vụ và kỳ báo cáo tính đến một ngày / tasks and obligations by category as of a date',
  })
  overview(@CurrentActor() actor: Actor, @Query() q: OverviewQueryDto) {
    return this.summaries.overview(actor, q);
  }

  @Get('organizations')
  @ApiOperation({
    summary: 'Bảng kết quả theo cơ quan / one scorecard row per body as of a date',
  })
  organizations(@CurrentActor() actor: Actor, @Query() q: SummaryQueryDto) {
    return this.summaries.organizations(actor, q);
  }

  @Get('targets')
  @ApiOperation({
    summary:
      'Chỉ tiêu và số liệu báo cáo mới nhất / targets with the latest reported values and whether on track',
  })
  targets(@CurrentActor() actor: Actor, @Query() q: TargetsQueryDto) {
    return this.summaries.targets(actor, q);
  }
}
