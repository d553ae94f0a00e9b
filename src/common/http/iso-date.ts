import { registerDecorator, type ValidationOptions } from 'class-validator';

/** True for a calendar date YYYY-MM-DD that exists (2024-02-30 does not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

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
