import { existsSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';

/** Where `vite build` writes the web interface (see web/vite.config.ts). */
export const DEFAULT_WEB_ROOT = 'dist/web';

/**
 * The built SPA's folder. WEB_DIST_DIR lets a test serve its own build while other runs wipe
 * `dist/`; relative paths are taken from the working directory, like the rest of the app.
 */
export function webRoot(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.WEB_DIST_DIR?.trim() || DEFAULT_WEB_ROOT;
  return isAbsolute(configured) ? configured : resolve(process.cwd(), configured);
}

/** Paths the SPA never answers: the API, its docs, metrics and the queue board. */
const RESERVED = /^\/(?:api|docs|docs-json|metrics|queues)(?:[/?#.-]|$)/;

export function isReservedPath(url: string): boolean {
  return RESERVED.test(url);
}

/** Hashed build output (`/assets/index-3f2a1c.js`): safe to cache for a year. */
export function isHashedAsset(path: string): boolean {
  return path.startsWith('assets/');
}

/**
 * The file under `root` a request path names, or null when it names none (then the SPA's
 * index.html answers). Never leaves `root`.
 */
export function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  if (!relative || relative === '.' || relative.includes('\0')) return null;
  const absolute = join(root, relative);
  if (!absolute.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (!existsSync(absolute)) return null;
  return relative.split(sep).join('/');
}

export const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đôn đốc — chưa có giao diện web</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2933}code{background:#eef2f6;padding:.1rem .3rem;border-radius:3px}</style>
</head><body>
<h1>Chưa có giao diện web</h1>
<p>Máy chủ API đang chạy, nhưng giao diện web chưa được dựng (không tìm thấy <code>index.html</code>).</p>
<p>Hãy dựng giao diện bằng lệnh <code>npm run build:web</code> (hoặc <code>npm run build</code>), rồi tải lại trang này.</p>
<p>Tài liệu API: <a href="/docs">/docs</a>.</p>
</body></html>
`;
