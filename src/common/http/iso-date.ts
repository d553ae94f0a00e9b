import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '../dates.js';

/** A calendar date YYYY-MM-DD that exists (2024-02-30 is refused). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateString',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an existing date YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
}
