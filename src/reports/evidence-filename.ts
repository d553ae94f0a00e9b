// Names of evidence files: what we keep from the client's name, and how we hand it back.

const MAX_NAME = 255;

/**
 * The client's file name without any path, control characters or surrounding spaces, in NFC
 * (Vietnamese typed on different systems arrives composed or decomposed), at most 255
 * characters keeping the extension. An empty name becomes `minh-chung-<n>.<ext>`.
 */
export function safeEvidenceName(
  name: string | null | undefined,
  ext: string,
  index: number,
): string {
  const base = (name ?? '')
    .normalize('NFC')
    .split(/[/\\]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (!base || base === '.' || base === '..') return `minh-chung-${index + 1}.${ext}`;
  if (base.length <= MAX_NAME) return base;
  const dot = base.lastIndexOf('.');
  const suffix = dot > 0 && base.length - dot <= 16 ? base.slice(dot) : '';
  return base.slice(0, MAX_NAME - suffix.length) + suffix;
}

/**
 * `attachment` with an ASCII fallback name for old clients and the exact UTF-8 name in
 * `filename*` (RFC 6266 / RFC 8187), so "Báo cáo quý 2.pdf" downloads under its own name.
 */
export function attachmentDisposition(filename: string): string {
  const fallback =
    filename
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'file';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
