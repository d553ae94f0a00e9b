import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runDemo } from './bootstrap/demo.js';
import { prepareRuntime } from './bootstrap/runtime.js';
import { DemoDataService } from './bootstrap/demo-data.service.js';
import { CliModule } from './cli.module.js';
import { OrganizationsService } from './organizations/organizations.service.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import {
  checkMigrations,
  generateMigration,
  revertLastMigration,
  runMigrations,
} from './database/migrations/migration-commands.js';

const USAGE = `Cách dùng / usage:
  node dist/src/cli.js migrate run|revert|check
  node dist/src/cli.js migrate generate <kebab-name>
  node dist/cli.js import-organizations   (config/organizations/*.json → database)
  node dist/cli.js seed-demo              (directory and demo users, no services)
  node dist/cli.js demo`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, arg] = argv;
  const config = loadConfig();
  if (command === 'migrate') {
    switch (sub) {
      case 'run': {
        const ran = await runMigrations(config.DATABASE_URL);
        console.log(
          ran.length ? `Đã chạy / ran: ${ran.join(', ')}` : 'Không có migration mới / up to date',
        );
        return 0;
      }
      case 'revert':
        await revertLastMigration(config.DATABASE_URL);
        console.log('Đã hoàn tác migration cuối / reverted the last migration');
        return 0;
      case 'generate': {
        if (!arg) break;
        const file = await generateMigration(config.DATABASE_URL, arg);
        console.log(
          file ? `Đã tạo / wrote migrations/${file}.ts` : 'Không có thay đổi / no changes',
        );
        return 0;
      }
      case 'check': {
        const result = await checkMigrations(config.DATABASE_URL);
        if (result.ok) {
          console.log('migration:check ok: migrations and entities agree, every down works');
          return 0;
        }
        for (const problem of result.problems) console.error(`migration:check: ${problem}`);
        return 1;
      }
    }
  }
  if (command === 'demo') return runDemo(config);
  if (command === 'import-organizations' || command === 'seed-demo') {
    const runtime = await prepareRuntime(config);
    await runMigrations(config.DATABASE_URL);
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(runtime), {
      logger: ['error', 'warn'],
    });
    try {
      if (command === 'seed-demo') {
        // Tests get the directory and users only; their own specs upload what they need.
        const loaded = await app
          .get(DemoDataService)
          .load({ documents: config.NODE_ENV !== 'test' });
        console.log(
          `demo data: ${loaded.organizations.created.length} organizations, users ${loaded.usersCreated.join(', ') || '(present)'}`,
        );
      } else {
        const summary = await app.get(OrganizationsService).importCatalog(null);
        console.log(
          `config/organizations: ${summary.created.length} mới / created, ${summary.updated.length} cập nhật / updated, ${summary.unchanged.length} không đổi / unchanged`,
        );
      }
    } finally {
      await app.close();
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `Lỗi / error: ${String((error as Error)?.message ?? error)}`,
    );
    process.exit(1);
  },
);
