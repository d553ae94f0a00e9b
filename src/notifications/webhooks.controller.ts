import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { AppError } from '../common/errors/app-error.js';
import { CreateWebhookDto } from './dto/notifications.dto.js';
import { WEBHOOK_NOT_FOUND, WebhooksService } from './webhooks.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin', 'office')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'Đăng ký webhook / webhook subscriptions in your scope' })
  async list(@CurrentActor() actor: Actor) {
    return { items: await this.webhooks.list(actor) };
  }

  @Post()
  @ApiOperation({
    summary: 'Đăng ký webhook; khóa bí mật chỉ hiện một lần / subscribe; the secret is shown once',
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(actor, body.url);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Hủy đăng ký / unsubscribe' })
  async remove(
    @CurrentActor() actor: Actor,
    @Param(
      'id',
      new ParseUUIDPipe({ exceptionFactory: () => AppError.notFound(WEBHOOK_NOT_FOUND) }),
    )
    id: string,
  ): Promise<void> {
    await this.webhooks.remove(actor, id);
  }
}
