import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError } from '../common/errors/app-error.js';
import { PageQueryDto } from '../common/http/pagination.dto.js';
import type { Actor } from './actor.js';
import { CurrentActor, Roles } from './auth.decorators.js';
import { CreateUserDto, UpdateUserDto } from './dto/auth.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách người dùng / users' })
  async list(@Query() query: PageQueryDto) {
    const { items, total } = await this.users.list(query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  @Post()
  @ApiOperation({ summary: 'Tạo người dùng / create a user' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto) {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Sửa người dùng / update a user (role, organization, active, password)',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFoundUser() })) id: string,
    @Body() body: UpdateUserDto,
  ) {
    return this.users.update(actor, id, body);
  }
}

function notFoundUser() {
  return new AppError(404, 'Không tìm thấy người dùng.', 'User not found.');
}
