import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.js';
import { BullBoardMount } from './bull-board.mount.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsCoreModule } from './notifications-core.module.js';
import { WebhooksController } from './webhooks.controller.js';

/** The HTTP side: in-app list, preferences, webhooks, the admin sweep, bull-board. */
@Module({
  imports: [
    NotificationsCoreModule,
    // Same secret and algorithm as AuthModule: bull-board's gate checks the API's tokens.
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [NotificationsController, WebhooksController],
  providers: [BullBoardMount],
  exports: [NotificationsCoreModule],
})
export class NotificationsModule {}
