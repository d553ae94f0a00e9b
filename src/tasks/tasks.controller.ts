import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { AppError } from '../common/errors/app-error.js';
import {
  DelegateTaskDto,
  ExtendTaskDto,
  ObligationQueryDto,
  TaskListQueryDto,
  TransitionDto,
} from './dto/task.dto.js';
import { TASK_ACTIONS, type TaskAction } from './task-status.js';
import { TASK_NOT_FOUND, TasksService } from './tasks.service.js';

const taskId = () =>
  new ParseUUIDPipe({ exceptionFactory: () => AppError.notFound(TASK_NOT_FOUND) });

@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('tasks')
  @ApiOperation({ summary: 'Nhiệm vụ trong phạm vi của bạn / tasks in your scope' })
  async list(@CurrentActor() actor: Actor, @Query() q: TaskListQueryDto) {
    const { items, total } = await this.tasks.list(
      actor,
      {
        status: q.status,
        organizationId: q.organizationId,
        documentId: q.documentId,
        dueBefore: q.dueBefore,
        overdueOn: q.overdue === 'true' ? this.tasks.today() : undefined,
      },
      q.page,
      q.pageSize,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  @Get('tasks/:id')
  @ApiOperation({ summary: 'Chi tiết nhiệm vụ / task with clause, obligations, history' })
  get(@CurrentActor() actor: Actor, @Param('id', taskId()) id: string) {
    return this.tasks.detail(actor, id);
  }

  @Post('tasks/:id/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: TASK_ACTIONS })
  @ApiOperation({
    summary: 'Chuyển trạng thái / acknowledge, start, submit, verify, return, cancel',
  })
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', taskId()) id: string,
    @Param('action') action: string,
    @Body() body: TransitionDto,
  ) {
    if (!(TASK_ACTIONS as readonly string[]).includes(action)) {
      throw AppError.notFound({ vi: 'thao tác', en: 'Action' });
    }
    return this.tasks.transition(actor, id, action as TaskAction, body);
  }

  @Patch('tasks/:id')
  @Roles('office')
  @ApiOperation({ summary: 'Gia hạn (giữ hạn cũ và lý do) / extend the due date' })
  extend(
    @CurrentActor() actor: Actor,
    @Param('id', taskId()) id: string,
    @Body() body: ExtendTaskDto,
  ) {
    return this.tasks.extend(actor, id, body);
  }

  @Post('tasks/:id/delegate')
  @Roles('agency', 'office')
  @ApiOperation({ summary: 'Giao tiếp xuống một cấp / delegate one level down' })
  async delegate(
    @CurrentActor() actor: Actor,
    @Param('id', taskId()) id: string,
    @Body() body: DelegateTaskDto,
  ) {
    return { items: await this.tasks.delegate(actor, id, body) };
  }

  @Get('obligations')
  @ApiOperation({ summary: 'Kỳ báo cáo phải nộp / reporting obligations' })
  async obligations(@CurrentActor() actor: Actor, @Query() q: ObligationQueryDto) {
    const { items, total } = await this.tasks.listObligations(actor, q, q.page, q.pageSize);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
