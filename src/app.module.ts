import { type DynamicModule, Module, ValidationPipe, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { HttpExceptionFilter } from './common/errors/http-exception.filter.js';
import { validationException } from './common/errors/validation-errors.js';
import { RedisService } from './common/redis/redis.service.js';
import { RedisThrottlerStorage } from './common/throttler/redis-throttler.storage.js';
import { AppConfig } from './config/app-config.js';
import { CoreModule, type Runtime } from './core.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { isLoginRoute } from './auth/auth.decorators.js';
import { StorageModule } from './common/storage/storage.module.js';
import { DatabaseModule } from './database/database.module.js';
import { MultipartRoutesGuard } from './common/http/multipart-routes.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SummariesModule } from './summaries/summaries.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { WebModule } from './web/web.module.js';

/** The HTTP API. `extra` lets tests mount a module of their own on the same pipeline. */
@Module({})
export class AppModule {
  static forRoot(runtime: Runtime, extra: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(runtime),
        ThrottlerModule.forRootAsync({
          inject: [AppConfig, RedisService],
          useFactory: (config: AppConfig, redis: RedisService) => ({
            throttlers: [
              { name: 'default', ttl: 60_000, limit: config.THROTTLE_LIMIT },
              // Password guessing from one address, on top of the per-name lock.
              {
                name: 'login',
                ttl: 60_000,
                limit: config.LOGIN_THROTTLE_LIMIT,
                skipIf: (context) => !isLoginRoute(context.getHandler()),
              },
            ],
            storage: new RedisThrottlerStorage(redis),
          }),
        }),
        DatabaseModule,
        OutboxModule,
        StorageModule,
        AuditModule,
        OrganizationsModule,
        AuthModule,
        TasksModule,
        DocumentsModule,
        HealthModule,
        MetricsModule,
        ReportsModule,
        WebModule,
        NotificationsModule,
        CalendarModule,
        SummariesModule,
        ...extra,
      ],
      providers: [
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: MultipartRoutesGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            stopAtFirstError: false,
            exceptionFactory: validationException,
          }),
        },
      ],
    };
  }
}
