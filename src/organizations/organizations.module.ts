import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationDirectoryService } from './organization-directory.service.js';
import { Organization } from './organization.entity.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Organization])],
  controllers: [OrganizationsController],
  providers: [OrganizationsRepository, OrganizationDirectoryService, OrganizationsService],
  exports: [OrganizationsRepository, OrganizationDirectoryService, OrganizationsService],
})
export class OrganizationsModule {}
