import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CoreModule, type Runtime } from './core.module.js';
import { DatabaseModule } from './database/database.module.js';
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
        AuditModule,
        OrganizationsModule,
        AuthModule,
      ],
      providers: [DemoDataService],
    };
  }
}
