/**
 * Multipart fields are text; give percent and indicators the JSON shapes the DTO validates.
 * Anything that does not convert is left as sent, so the refusal names that field.
 */
export function formToReportFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...fields };
  if (typeof out.percent === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(out.percent)) {
    out.percent = Number(out.percent);
  }
  if (typeof out.indicators === 'string') {
    try {
      out.indicators = JSON.parse(out.indicators) as unknown;
    } catch {
      // left as text: "indicators must be an array"
    }
  }
  return out;
}
