import { describe, expect, it } from '@jest/globals';
import { isDatabaseUnavailable } from './database-errors.js';

describe('isDatabaseUnavailable', () => {
  it('knows a refused or lost connection, a shutdown, a deadlock and a lock timeout', () => {
    expect(isDatabaseUnavailable({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: 'PROTOCOL_CONNECTION_LOST' } })).toBe(true);
    expect(isDatabaseUnavailable({ errno: 1053 })).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { errno: 1213 } })).toBe(true);
    expect(isDatabaseUnavailable({ errno: 1205 })).toBe(true);
    expect(isDatabaseUnavailable({ code: 'ER_X', fatal: true })).toBe(true);
    expect(isDatabaseUnavailable({ cause: { driverError: { code: 'ECONNRESET' } } })).toBe(true);
    expect(
      isDatabaseUnavailable(new Error("Can't add new command when connection is in closed state")),
    ).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable({ errno: 1062, code: 'ER_DUP_ENTRY' })).toBe(false);
    expect(isDatabaseUnavailable({ driverError: { errno: 1146 } })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
