import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { fileFor, isHashedAsset, isReservedPath, webRoot } from './web-root.js';

describe('web root', () => {
  const root = mkdtempSync(join(tmpdir(), 'dondoc-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), '');

  it('finds files of the build and nothing outside it', () => {
    expect(fileFor(root, '/assets/index-abc123.js')).toBe('assets/index-abc123.js');
    expect(fileFor(root, '/assets/index-abc123.js?v=1')).toBe('assets/index-abc123.js');
    expect(fileFor(root, '/')).toBeNull();
    expect(fileFor(root, '/nhiem-vu/123')).toBeNull();
    expect(fileFor(root, '/../../etc/passwd')).toBeNull();
    expect(fileFor(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(fileFor(root, '/%E0%A4%A')).toBeNull();
    expect(fileFor(root, '/a%00b')).toBeNull();
  });

  it('leaves the API, docs, metrics and queues to their own routes', () => {
    for (const path of ['/api', '/api/v1/tasks', '/docs', '/docs-json', '/metrics', '/queues/x']) {
      expect(isReservedPath(path)).toBe(true);
    }
    for (const path of ['/', '/nhiem-vu', '/apiary', '/documents', '/tong-quan?x=1']) {
      expect(isReservedPath(path)).toBe(false);
    }
  });

  it('caches only hashed assets for long', () => {
    expect(isHashedAsset('assets/index-abc123.js')).toBe(true);
    expect(isHashedAsset('index.html')).toBe(false);
  });

  it('reads WEB_DIST_DIR, relative to the working directory', () => {
    expect(webRoot({})).toBe(join(process.cwd(), 'dist/web'));
    expect(webRoot({ WEB_DIST_DIR: 'x/y' })).toBe(join(process.cwd(), 'x/y'));
    expect(webRoot({ WEB_DIST_DIR: '/srv/web' })).toBe('/srv/web');
  });
});
