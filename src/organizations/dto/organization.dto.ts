import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsIsoDate } from '../../common/http/iso-date.js';
import { PageQueryDto } from '../../common/http/pagination.dto.js';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_LEVELS,
  type CatalogOrganization,
  type OrganizationLevel,
} from '../catalog/organization-catalog.types.js';

export class OrganizationDto {
  @ApiProperty({ example: 'hg-ban-tuyen-giao' }) id!: string;
  @ApiProperty({ example: 'Ban Tuyên giáo Tỉnh ủy Hà Giang' }) name!: string;
  @ApiProperty() shortName!: string;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind!: string;
  @ApiProperty({ enum: ORGANIZATION_LEVELS }) level!: string;
  @ApiProperty() province!: string;
  @ApiProperty({ nullable: true, type: String }) district!: string | null;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ type: [String] }) groups!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validFrom!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validTo!: string | null;
  @ApiProperty({ type: [String] }) successors!: string[];

  static from(org: CatalogOrganization): OrganizationDto {
    return {
      id: org.code,
      name: org.name,
      shortName: org.shortName,
      aliases: org.aliases,
      kind: org.kind,
      level: org.level,
      province: org.province,
      district: org.district,
      parentId: org.parent,
      groups: org.groups,
      validFrom: org.validFrom,
      validTo: org.validTo,
      successors: org.successors,
    };
  }
}

export class SearchOrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'tên, tên viết tắt, không dấu đều được / name, any accents' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'huyen-uy' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,60}$/)
  group?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_LEVELS })
  @IsOptional()
  @IsIn(ORGANIZATION_LEVELS)
  level?: OrganizationLevel;

  @ApiPropertyOptional({ example: 'Hà Giang' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  province?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export class ResolveQueryDto {
  @ApiProperty({ example: 'Ban Tuyên giáo Tỉnh ủy' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  mention!: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @ApiPropertyOptional({ example: 'Hà Giang' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  province?: string;

  @ApiPropertyOptional({ example: 'Đam Rông' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  district?: string;
}

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class CreateOrganizationDto {
  @ApiProperty({ example: 'hg-so-cong-thuong' })
  @Matches(CODE, { message: 'code must be lower-case letters, digits and dashes' })
  @MaxLength(100)
  code!: string;

  @ApiProperty({ example: 'Sở Công Thương tỉnh Hà Giang' })
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(255) shortName?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(255, { each: true })
  aliases?: string[];

  @ApiProperty({ enum: ORGANIZATION_KINDS }) @IsIn(ORGANIZATION_KINDS) kind!: string;
  @ApiProperty({ enum: ORGANIZATION_LEVELS }) @IsIn(ORGANIZATION_LEVELS) level!: string;
  @ApiProperty({ example: 'Hà Giang' }) @IsString() @MinLength(2) @MaxLength(64) province!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  district?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(CODE) parent?:
    string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @Matches(CODE, { each: true })
  groups?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsIsoDate()
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsIsoDate()
  validTo?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'the first is the one open tasks follow' })
  @IsOptional()
  @IsArray()
  @Matches(CODE, { each: true })
  successors?: string[];
}

export class UpdateOrganizationDto extends PartialType(
  OmitType(CreateOrganizationDto, ['code'] as const),
) {}
