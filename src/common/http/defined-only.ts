/**
 * The properties a client actually sent. DTO instances declare every optional field (as
 * undefined), which would otherwise overwrite defaults or stored values when spread.
 */
export function definedOnly<T extends object>(dto: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
}
