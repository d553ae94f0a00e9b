import { type DynamicModule, Module } from '@nestjs/common';
import { StorageModule } from './common/storage/storage.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CoreModule, type Runtime } from './core.module.js';
import { DatabaseModule } from './database/database.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { DemoDataService } from './bootstrap/demo-data.service.js';

/** The services the command line uses (catalog import, demo data), without HTTP or queues. */
@Module({})
export class CliModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CoreModule.forRoot(runtime),
        DatabaseModule,
        OutboxModule,
        StorageModule,
        AuditModule,
        OrganizationsModule,
        AuthModule,
        TasksModule,
        DocumentsModule,
      ],
      providers: [DemoDataService],
    };
  }
}
