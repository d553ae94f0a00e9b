import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Roles } from '../auth/auth.decorators.js';
import { PageQueryDto } from '../common/http/pagination.dto.js';
import { AuditService } from './audit.service.js';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'task' })
  @IsOptional()
  @Matches(/^[a-z][a-z_-]{0,39}$/)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(100)
  entityId?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Roles('inspector', 'admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Nhật ký thay đổi / audit events' })
  async list(@Query() query: AuditQueryDto) {
    const { items, total } = await this.audit.list(query, query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Kiểm tra chuỗi băm của nhật ký / verify the hash chain' })
  verify() {
    return this.audit.verify();
  }
}
