import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOTS = resolve(process.cwd(), 'test-output/ui');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLOSE_WAIT_MS = 15_000;

/**
 * Builds the web interface into a folder of this run (others rebuild dist/ meanwhile) and
 * returns it; the API serves it when WEB_DIST_DIR names it.
 */
export function buildWeb(): string {
  const out = join(SCREENSHOTS, `web-${process.pid}`);
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { env: { ...process.env, WEB_OUT_DIR: out }, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}${result.stderr}`);
  return out;
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Headless Debian Chromium with a fresh profile; nothing is downloaded. Each page is its own
 * tab, so each has its own sessionStorage: one person per page.
 */
export async function launchChromium(baseURL: string): Promise<Chromium> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'dondoc-ui-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    baseURL,
    viewport: DESKTOP,
    acceptDownloads: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  return {
    context,
    close: async () => {
      // Closing can hang on a loaded machine (a renderer that never answers); after a bound
      // wait the browser's processes, found by their profile folder, are killed.
      const closed = await Promise.race([
        context.close().then(() => true),
        new Promise<false>((done) => setTimeout(() => done(false), CLOSE_WAIT_MS).unref()),
      ]).catch(() => false);
      if (!closed) spawnSync('pkill', ['-KILL', '-f', profile]);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new tab; script errors and console errors are collected into `errors`. */
export async function newPage(
  chrome: Chromium,
  viewport = DESKTOP,
  errors: string[] = [],
): Promise<Page> {
  const page = await chrome.context.newPage();
  await page.setViewportSize(viewport);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A refused request shows in the console as a failed resource; the page handles those.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.setDefaultTimeout(15_000);
  return page;
}

/** What the person sees first (`name.png`) and, for long pages, the whole page too. */
export async function screenshot(page: Page, name: string, whole = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  if (whole) {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-toan-trang.png`), fullPage: true });
  }
}

export async function logIn(page: Page, username: string, password = 'demo12345'): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** Form controls a screen reader could not name (no label, aria-label or aria-labelledby). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.type !== 'hidden')
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') &&
        !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 120))
  `);
}

/** Cumulative layout shift since the page loaded (Chromium's layout-shift entries). */
export async function layoutShift(page: Page): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(total), 300);
  })`);
}
