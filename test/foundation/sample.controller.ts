import { Body, Controller, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { Public } from '../../src/auth/auth.decorators.js';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

class SampleItemDto {
  @IsString()
  name!: string;
}

/** A DTO of the kind feature routes use, mounted only in tests to check the error shape. */
export class SampleDto {
  @IsString()
  @MaxLength(20)
  title!: string;

  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @IsOptional()
  @IsIn(['monthly', 'quarterly'])
  cadence?: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => SampleItemDto)
  items?: SampleItemDto[];
}

@Public()
@Controller('test-sample')
class SampleController {
  @Post()
  create(@Body() body: SampleDto): SampleDto {
    return body;
  }
}

@Module({ controllers: [SampleController] })
export class SampleModule {}
