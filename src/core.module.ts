import { type DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '../config/data-source.js';
import { bullConnectionOptions } from './common/redis/redis.service.js';
import { RedisModule } from './common/redis/redis.module.js';
import { loggerOptions } from './common/logging/logger.options.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import type { DatabaseFlavour } from './database/ensure-database.js';

export interface Runtime {
  config: AppConfig;
  /** which server answered at boot (TypeORM reads MariaDB's catalog differently) */
  flavour: DatabaseFlavour;
}

/** What the API and the worker share: configuration, logs, MySQL, Redis and BullMQ. */
@Module({})
export class CoreModule {
  static forRoot({ config, flavour }: Runtime): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, flavour)),
        RedisModule,
        BullModule.forRoot({
          connection: bullConnectionOptions(config.REDIS_URL),
          prefix: config.QUEUE_PREFIX,
        }),
      ],
    };
  }
}
