import { registerDecorator, type ValidationOptions } from 'class-validator';
import { INPUT_DATE_MAX, INPUT_DATE_MIN, isInputDate } from '../dates.js';

/** A calendar date YYYY-MM-DD that exists (2024-02-30 is refused), within the input range. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateString',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must be an existing date YYYY-MM-DD from ${INPUT_DATE_MIN} to ${INPUT_DATE_MAX}`,
        ...options,
      },
      validator: { validate: (value: unknown) => isInputDate(value) },
    });
}
