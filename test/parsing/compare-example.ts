// Compares a parse result with a hand-written expected file, field by field, the way the
// contract says (parse-result.schema.json): only fields present in the expected file count,
// arrays are compared element by element, and a warning by its code alone.

export function compareToExample(expected: unknown, actual: unknown, path = '$'): string[] {
  const out: string[] = [];
  walk(expected, actual, path, out);
  return out;
}

function walk(exp: unknown, act: unknown, path: string, out: string[]): void {
  if (Array.isArray(exp)) {
    if (!Array.isArray(act)) {
      out.push(`${path}: expected an array, got ${JSON.stringify(act)}`);
      return;
    }
    if (exp.length !== act.length)
      out.push(`${path}: length ${act.length}, expected ${exp.length}`);
    const n = Math.min(exp.length, act.length);
    for (let i = 0; i < n; i++) walk(exp[i], act[i], `${path}[${i}]`, out);
    return;
  }
  if (exp !== null && typeof exp === 'object') {
    if (act === null || typeof act !== 'object' || Array.isArray(act)) {
      out.push(`${path}: expected an object, got ${JSON.stringify(act)}`);
      return;
    }
    const e = exp as Record<string, unknown>;
    const a = act as Record<string, unknown>;
    if (/\.warnings\[\d+\]$/.test(path)) {
      if (e.code !== a.code)
        out.push(`${path}.code: ${JSON.stringify(a.code)}, expected ${JSON.stringify(e.code)}`);
      return;
    }
    for (const key of Object.keys(e)) walk(e[key], a[key], `${path}.${key}`, out);
    return;
  }
  if (exp !== act) out.push(`${path}: ${JSON.stringify(act)}, expected ${JSON.stringify(exp)}`);
}
