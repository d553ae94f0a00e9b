import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The web interface: built into dist/web, which the API serves at / (src/web/web.module.ts).
// WEB_OUT_DIR lets the UI tests build a private copy while other runs rebuild dist/.
const root = resolve(process.cwd(), 'web');

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(process.cwd(), process.env.WEB_OUT_DIR ?? 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    sourcemap: false,
    // One small app: a single script and stylesheet, no late chunks that shift the page.
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
