// Column decorators shared by the entities (the data layer, like the entities themselves).
import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

// Millisecond timestamps with explicit defaults: the same DDL on MySQL 8 and MariaDB.
export const CreatedAt = (): PropertyDecorator =>
  CreateDateColumn({
    name: 'created_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
  });

export const UpdatedAt = (): PropertyDecorator =>
  UpdateDateColumn({
    name: 'updated_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  });
