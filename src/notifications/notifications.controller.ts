import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { AppError } from '../common/errors/app-error.js';
import { AppConfig } from '../config/app-config.js';
import {
  NotificationListQueryDto,
  NotificationPreferencesDto,
  SweepDto,
} from './dto/notifications.dto.js';
import { NotificationsService } from './notifications.service.js';
import { ReminderSweepService } from './reminder-sweep.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly sweeper: ReminderSweepService,
    private readonly config: AppConfig,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'Thông báo của bạn / your in-app notifications, newest first' })
  list(@CurrentActor() actor: Actor, @Query() q: NotificationListQueryDto) {
    return this.notifications.list(actor, {
      unreadOnly: q.unread === 'true',
      page: q.page,
      pageSize: q.pageSize,
    });
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu đã đọc / mark one of your notifications read' })
  read(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.notifications.markRead(actor, id);
  }

  @Get('me/notification-preferences')
  @ApiOperation({ summary: 'Cách nhận thư / how you receive e-mail' })
  preferences(@CurrentActor() actor: Actor) {
    return this.notifications.preferences(actor);
  }

  @Patch('me/notification-preferences')
  @ApiOperation({ summary: 'Nhận thư ngay hoặc tổng hợp hằng ngày / immediate or daily digest' })
  setPreferences(@CurrentActor() actor: Actor, @Body() body: NotificationPreferencesDto) {
    return this.notifications.setPreferences(actor, body.emailMode);
  }

  @Post('admin/reminders/sweep')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Chạy quét nhắc hạn ngay / run a reminder sweep now' })
  async sweep(@Body() body: SweepDto) {
    if (body.now !== undefined && !this.config.ALLOW_CLOCK_OVERRIDE) {
      throw AppError.badRequest(
        'Không được đặt thời điểm quét: máy chủ không bật ALLOW_CLOCK_OVERRIDE. Bỏ trường "now" để quét theo giờ hiện tại.',
        '"now" is honoured only when ALLOW_CLOCK_OVERRIDE=true; omit it to sweep at the current time.',
        [
          {
            field: 'now',
            message: 'Chỉ dùng được khi ALLOW_CLOCK_OVERRIDE=true.',
            messageEn: 'only with ALLOW_CLOCK_OVERRIDE=true',
          },
        ],
      );
    }
    const { created, enqueued, today } = await this.sweeper.sweep(
      body.now ? new Date(body.now) : new Date(),
    );
    return { created, enqueued, today };
  }
}
