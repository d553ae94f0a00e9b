import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { AppError } from '../common/errors/app-error.js';
import { definedOnly } from '../common/http/defined-only.js';
import { pageOf } from '../common/http/pagination.dto.js';
import { readUploadedFile } from '../common/http/uploaded-file.js';
import {
  CreateOrganizationDto,
  OrganizationDto,
  ResolveQueryDto,
  SearchOrganizationsQueryDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import { OrganizationsService } from './organizations.service.js';
import { ReadsMultipart } from '../common/http/multipart-routes.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'Tra cứu danh mục cơ quan (không phân biệt dấu) / directory search' })
  async search(@Query() query: SearchOrganizationsQueryDto) {
    const found = await this.organizations.search(query.q ?? '', query);
    return pageOf(found.map(OrganizationDto.from), query.page, query.pageSize);
  }

  @Get('resolve')
  @ApiOperation({ summary: 'Xác định cơ quan từ cách gọi trong văn bản / resolve a mention' })
  async resolve(@Query() query: ResolveQueryDto) {
    const result = await this.organizations.resolve(query.mention, query);
    return {
      organization: result.organization ? OrganizationDto.from(result.organization) : null,
      candidates: result.candidates.map((c) => ({
        organization: OrganizationDto.from(c.organization),
        score: c.score,
        matchedBy: c.matchedBy,
        validAtDate: c.validAtDate,
      })),
      group: result.group
        ? {
            tag: result.group.tag,
            name: result.group.name,
            selective: result.group.selective,
            members: result.group.members.map(OrganizationDto.from),
          }
        : null,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một cơ quan / one organization' })
  async get(@Param('id') id: string) {
    return OrganizationDto.from(await this.organizations.get(id));
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Thêm cơ quan / add an organization' })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateOrganizationDto) {
    const org = await this.organizations.create(actor, {
      shortName: body.name,
      aliases: [],
      groups: [],
      successors: [],
      district: null,
      parent: null,
      validFrom: null,
      validTo: null,
      ...definedOnly(body),
    });
    return OrganizationDto.from(org);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Sửa cơ quan, hiệu lực, cơ quan kế thừa / update, validity, successors',
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateOrganizationDto,
  ) {
    return OrganizationDto.from(await this.organizations.update(actor, id, definedOnly(body)));
  }

  @Post('import')
  @ReadsMultipart()
  @Roles('admin')
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
    description: `CSV, UTF-8; columns: code,name,shortName,kind,level,province,district,parent,aliases,groups,validFrom,validTo,successors (lists separated by "|")`,
  })
  @ApiOperation({
    summary: 'Nhập danh mục từ CSV; có dòng lỗi thì không nhập gì / CSV import, all or nothing',
  })
  async import(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    const file = await readUploadedFile(request, { field: 'file', maxBytes: 5 * 1024 * 1024 });
    const text = file.buffer.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(file.buffer)) {
      throw AppError.badRequest(
        'Tệp CSV phải được lưu ở dạng UTF-8.',
        'The CSV file must be UTF-8.',
        [{ field: 'file', message: 'Tệp CSV phải được lưu ở dạng UTF-8.', messageEn: 'not UTF-8' }],
      );
    }
    return this.organizations.importCsv(actor, text);
  }
}
