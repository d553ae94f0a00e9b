import { Controller, Delete, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Public } from '../auth/auth.decorators.js';
import { CalendarService } from './calendar.service.js';

@ApiTags('notifications')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('calendar.ics')
  @Public()
  @ApiProduces('text/calendar')
  @ApiQuery({ name: 'token', required: true })
  @ApiOperation({ summary: 'Lịch hạn báo cáo (iCalendar) / your deadlines as a feed' })
  async feed(
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('token') token?: string,
  ): Promise<string> {
    const ics = await this.calendar.feed(typeof token === 'string' ? token : undefined);
    // Set only on success: an error answers in JSON, like every other route.
    void reply.header('content-type', 'text/calendar; charset=utf-8');
    void reply.header('cache-control', 'private, max-age=300');
    return ics;
  }

  @Post('me/calendar-token')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Tạo mã lịch mới (mã cũ hết hiệu lực) / new feed token, the old one stops working',
  })
  create(@CurrentActor() actor: Actor) {
    return this.calendar.createToken(actor);
  }

  @Delete('me/calendar-token')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Thu hồi mã lịch / revoke the feed token' })
  async revoke(@CurrentActor() actor: Actor): Promise<void> {
    await this.calendar.revokeToken(actor);
  }
}
