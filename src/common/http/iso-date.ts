import { Matches } from 'class-validator';

/** A calendar date YYYY-MM-DD that exists (2024-02-30 is refused). */
export function IsIsoDate(): PropertyDecorator {
  return Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: '$property must be a date YYYY-MM-DD',
  });
}
