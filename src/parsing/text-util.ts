// Small helpers on Vietnamese text shared by the rule files.

export function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

export function lowerFirst(s: string): string {
  return s ? s[0].toLocaleLowerCase('vi') + s.slice(1) : s;
}

export function upperFirst(s: string): string {
  return s ? s[0].toLocaleUpperCase('vi') + s.slice(1) : s;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1)) return null;
  if (d > daysInMonth(y, m)) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function lastDayOfMonth(y: number, m: number): string {
  return `${y}-${pad2(m)}-${pad2(daysInMonth(y, m))}`;
}

export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

export function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export function romanToInt(s: string): number | null {
  let total = 0;
  const up = s.toUpperCase();
  for (let i = 0; i < up.length; i++) {
    const v = ROMAN[up[i]];
    if (!v) return null;
    const next = ROMAN[up[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total || null;
}

/** "1.055" → 1055, "9,5" → 9.5 (Vietnamese separators) */
export function parseVnNumber(s: string): number | null {
  const t = s.trim();
  if (!/^\d/.test(t)) return null;
  const v = Number(t.replace(/\.(?=\d{3}(?:\D|$))/g, '').replace(',', '.'));
  return Number.isFinite(v) ? v : null;
}

/** Splits on a separator regex only outside parentheses and quotes, keeping offsets. */
export function splitOutside(
  s: string,
  isSeparator: (s: string, i: number) => number,
): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '"') quote = !quote;
    if (depth > 0 || quote) continue;
    const len = isSeparator(s, i);
    if (len > 0) {
      parts.push({ text: s.slice(start, i), start });
      start = i + len;
      i = start - 1;
    }
  }
  parts.push({ text: s.slice(start), start });
  return parts;
}
