import { readFileSync, rmSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { pdfBytes } from '../factories/evidence.factory.js';
import { bearer, login } from '../helpers/auth.js';
import { SEED_HA_GIANG } from '../helpers/documents.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import {
  buildWeb,
  launchChromium,
  logIn,
  newPage,
  PHONE,
  layoutShift,
  screenshot,
  unlabelledControls,
  type Chromium,
} from './browser.js';

// The web interface end to end: the real API (MariaDB, Redis) serving the built SPA, driven
// by headless Chromium. Screenshots of each main page go to test-output/ui/.

interface TaskRow {
  id: string;
  leadOrgId: string | null;
  status: string;
  title: string;
}

const seedWithMarker = () =>
  Buffer.from(
    `${readFileSync(SEED_HA_GIANG, 'utf8')}\n<!-- giao diện ${Date.now()}-${Math.random()} -->\n`,
    'utf8',
  );

describe('web interface', () => {
  let t: TestApp;
  let chrome: Chromium;
  let webDir: string;
  let documentId = '';
  let taskId = '';
  const pageErrors: string[] = [];
  const seed = seedWithMarker();

  beforeAll(async () => {
    webDir = buildWeb();
    process.env.WEB_DIST_DIR = webDir;
    t = await startTestApp();
    chrome = await launchChromium(t.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await chrome?.close();
    await t?.close();
    delete process.env.WEB_DIST_DIR;
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  }, 60_000);

  async function open(viewport?: typeof PHONE): Promise<Page> {
    return newPage(chrome, viewport, pageErrors);
  }

  it('serves the SPA at / with client routes, hashed assets and the API untouched', async () => {
    const root = await fetch(`${t.baseUrl}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toContain('text/html');
    const html = await root.text();
    expect(html).toContain('lang="vi"');
    expect(html).not.toMatch(/https?:\/\//);

    const route = await fetch(`${t.baseUrl}/nhiem-vu/khong-co`);
    expect(route.status).toBe(200);
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(await route.text()).toBe(html);

    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] as string;
    const asset = await fetch(`${t.baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${t.baseUrl}/assets/khong-co-123.js`)).status).toBe(404);

    const api = await fetch(`${t.baseUrl}/api/v1/khong-co`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { message: string }).message).toMatch(/Không tìm thấy/);
    expect((await fetch(`${t.baseUrl}/api/v1/health`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/docs-json`)).status).toBe(200);
    expect(
      (await fetch(`${t.baseUrl}/%2e%2e/%2e%2e/etc/passwd`)).headers.get('content-type'),
    ).toContain('text/html');
  });

  it('office: logs in, uploads seed 001, edits a clause, publishes, sees the dashboard', async () => {
    const page = await open();
    await page.goto('/');
    await page.waitForURL(/\/dang-nhap/);
    await screenshot(page, '01-dang-nhap');
    expect(await layoutShift(page)).toBeLessThan(0.01);

    // A wrong password: the API's Vietnamese message, and still on the login page.
    await page.getByLabel('Tên đăng nhập').fill('vanphong.hg');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(
      /[Mm]ật khẩu|đăng nhập/,
    );

    // The form works from the keyboard alone.
    await page.getByLabel('Mật khẩu').fill('');
    await page.getByLabel('Tên đăng nhập').fill('');
    await page.getByLabel('Tên đăng nhập').focus();
    await page.keyboard.type('vanphong.hg');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo12345');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tong-quan/);

    await page.getByRole('link', { name: 'Văn bản' }).click();
    await page.getByLabel('Tệp văn bản').setInputFiles({
      name: '001_fa2d4705234aec79.txt',
      mimeType: 'text/plain',
      buffer: seed,
    });
    await page.getByRole('button', { name: 'Tải lên và đọc thử' }).click();
    await page.waitForURL(/\/van-ban\/[0-9a-f-]{36}$/);
    documentId = page.url().split('/').pop() as string;

    // Each clause is highlighted in the source text.
    await page.locator('.clause-mark').first().waitFor();
    const marks = await page.locator('.clause-mark').count();
    const clauses = await page.locator('article.clause').count();
    expect(clauses).toBeGreaterThan(3);
    expect(marks).toBe(clauses);
    await screenshot(page, '02-van-ban-xem-truoc', true);
    await expect(unlabelledControls(page)).resolves.toEqual([]);

    // Clause IV.2: a coordinator found without diacritics, a due date, a cadence.
    const clause = page.locator('article.clause', {
      has: page.getByRole('heading', { name: 'Điều IV.2' }),
    });
    await clause.getByRole('button', { name: 'Xem trong văn bản' }).click();
    await expect(page.locator('.clause-mark.active').count()).resolves.toBe(1);
    await clause.getByRole('button', { name: '+ Thêm cơ quan phối hợp' }).click();
    await clause.getByLabel('Thêm cơ quan phối hợp').fill('ban tuyen giao tinh uy ha giang');
    await clause.getByRole('button', { name: /^Ban Tuyên giáo Tỉnh ủy Hà Giang/ }).click();
    await clause.getByRole('button', { name: 'Xong' }).click();
    await clause.getByLabel('Chế độ báo cáo').selectOption('semiannual');
    await clause.getByLabel('Hạn hoàn thành').fill('31/02/2025');
    await expect(clause.locator('.field-error').first().textContent()).resolves.toContain(
      'dd/mm/yyyy',
    );
    await clause.getByLabel('Hạn hoàn thành').fill('31/12/2025');
    await clause.getByRole('button', { name: 'Lưu điều IV.2' }).click();
    await clause.getByText('Đã lưu.').waitFor();
    await expect(
      clause.getByText('Ban Tuyên giáo Tỉnh ủy Hà Giang').count(),
    ).resolves.toBeGreaterThan(0);

    const saved = (await (
      await t.api(`/documents/${documentId}`, { headers: bearer(await login(t, 'vanphong.hg')) })
    ).json()) as {
      clauses: {
        section: string;
        ordinal: string;
        coordinators: { orgId: string }[];
        dueOn: string;
        cadence: string;
      }[];
    };
    const iv2 = saved.clauses.find((c) => c.section === 'IV' && c.ordinal === '2');
    expect(iv2?.dueOn).toBe('2025-12-31');
    expect(iv2?.cadence).toBe('semiannual');
    expect(iv2?.coordinators.map((c) => c.orgId)).toContain('hg-ban-tuyen-giao');

    // A clause with no due date: changing only its milestones saves as it is.
    const iv6 = page.locator('article.clause', {
      has: page.getByRole('heading', { name: 'Điều IV.6' }),
    });
    await iv6.getByLabel('Sơ kết giữa kỳ').check();
    await iv6.getByRole('button', { name: 'Lưu điều IV.6' }).click();
    await iv6.getByText('Đã lưu.').waitFor();

    // Publish, giving the date the text lacks (dd/mm/yyyy).
    await page.getByLabel('Ngày ban hành').fill('20/05/2022');
    await screenshot(page, '03-van-ban-ban-hanh');
    await page.getByRole('button', { name: 'Ban hành nhiệm vụ' }).click();
    await page.getByText(/Đã giao \d+ nhiệm vụ/).waitFor();

    // The same file again: the API's refusal, in Vietnamese, on the upload form.
    await page.getByRole('link', { name: '← Văn bản' }).click();
    await page.getByLabel('Tệp văn bản').setInputFiles({
      name: 'lan-hai.txt',
      mimeType: 'text/plain',
      buffer: seed,
    });
    await page.getByRole('button', { name: 'Tải lên và đọc thử' }).click();
    await page.getByText(/Tệp này đã được tải lên trước đây/).waitFor();
    await screenshot(page, '04-van-ban-trung-lap');

    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.locator('.stat-total .stat-value').filter({ hasText: /^\d+$/ }).waitFor();
    await page.getByRole('heading', { name: /Nhiệm vụ quá hạn \(\d+\)/ }).waitFor();
    await page.getByRole('heading', { name: /Nhiệm vụ bị trả lại \(\d+\)/ }).waitFor();
    await screenshot(page, '05-tong-quan', true);
    // Loaded afresh, the dashboard fills its reserved places without pushing anything.
    await page.reload();
    await page.locator('.stat-total .stat-value').filter({ hasText: /^\d+$/ }).waitFor();
    await page.getByRole('heading', { name: /Nhiệm vụ bị trả lại \(\d+\)/ }).waitFor();
    expect(await layoutShift(page)).toBeLessThan(0.1);
    await expect(unlabelledControls(page)).resolves.toEqual([]);

    const phone = await open(PHONE);
    await logIn(phone, 'vanphong.hg');
    await phone.goto(`/van-ban/${documentId}`);
    await phone.locator('.clause-mark').first().waitFor();
    await screenshot(phone, '06-van-ban-dien-thoai', true);
    const width = await phone.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
  }, 120_000);

  it('agency: acknowledges, starts, reports progress with a file', async () => {
    const token = await login(t, 'tuyengiao.hg');
    const tasks = (await (
      await t.api(`/tasks?documentId=${documentId}&pageSize=100`, { headers: bearer(token) })
    ).json()) as { items: TaskRow[] };
    const mine = tasks.items.find((x) => x.leadOrgId === 'hg-ban-tuyen-giao');
    expect(mine).toBeDefined();
    taskId = (mine as TaskRow).id;

    const page = await open();
    await logIn(page, 'tuyengiao.hg');
    await page.waitForURL(/\/nhiem-vu$/);
    await page.locator(`a[href="/nhiem-vu/${taskId}"]`).first().waitFor();
    await screenshot(page, '07-co-quan-nhiem-vu');
    await page.reload();
    await page.locator(`a[href="/nhiem-vu/${taskId}"]`).first().waitFor();
    expect(await layoutShift(page)).toBeLessThan(0.1);

    await page.locator(`a[href="/nhiem-vu/${taskId}"]`).first().click();
    await page.getByRole('heading', { name: 'Nội dung điều khoản' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByText('Đã tiếp nhận.').waitFor();
    await page.getByRole('button', { name: 'Bắt đầu thực hiện' }).click();
    await page.getByText('Đã bắt đầu thực hiện.').waitFor();

    // An empty narrative: the API names the field, and the message sits under it.
    await page.getByLabel('Tiến độ (%)').fill('40');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('#report-narrative ~ .field-error').waitFor();
    await expect(page.locator('#report-narrative ~ .field-error').textContent()).resolves.toMatch(
      /^“Nội dung báo cáo”/,
    );

    await page
      .getByLabel('Nội dung báo cáo')
      .fill(
        'Đã tổ chức hội nghị quán triệt Nghị quyết cho 1.250 cán bộ, đảng viên; ban hành kế hoạch tuyên truyền.',
      );
    await page.getByLabel(/Tệp minh chứng/).setInputFiles({
      name: 'bien-ban-hoi-nghi.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes('Biên bản hội nghị quán triệt'),
    });
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã gửi báo cáo tiến độ.').waitFor();
    await page.getByRole('button', { name: 'Tải bien-ban-hoi-nghi.pdf' }).waitFor();

    // Delegation one level down: the picker searches district bodies only.
    await page.getByText('Giao tiếp xuống cấp dưới').click();
    await page.getByLabel(/Tìm cơ quan cấp huyện/).fill('huyen uy');
    await page.locator('.picker-results button').first().waitFor();
    await screenshot(page, '08-co-quan-bao-cao', true);
    await page.getByRole('button', { name: /^Huyện ủy Mèo Vạc/ }).click();
    await page.getByRole('button', { name: 'Giao tiếp', exact: true }).click();
    await page.getByText('Đã giao tiếp cho 1 cơ quan').waitFor();
    await page
      .locator('section', { hasText: 'Đã giao tiếp cho cấp dưới' })
      .getByRole('link', { name: 'Huyện ủy Mèo Vạc' })
      .waitFor();
    await expect(unlabelledControls(page)).resolves.toEqual([]);

    // Done: the lead reports the task complete, for the committee to verify.
    await page.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await page.getByText('Đã báo cáo hoàn thành.').waitFor();
    await page.locator('.task-summary').getByText('Đã báo cáo').waitFor();

    await page.getByRole('link', { name: /^Thông báo/ }).click();
    await page.getByRole('heading', { name: 'Thông báo' }).waitFor();
    await page.locator('main .card').first().waitFor();
    await screenshot(page, '09-co-quan-thong-bao');

    const phone = await open(PHONE);
    await logIn(phone, 'tuyengiao.hg');
    await phone.goto(`/nhiem-vu/${taskId}`);
    await phone.getByRole('heading', { name: 'Báo cáo tiến độ', exact: true }).waitFor();
    await screenshot(phone, '10-co-quan-dien-thoai', true);
    const width = await phone.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
  }, 120_000);

  it('inspector: reviews the report, reads history and audit, downloads an export', async () => {
    const page = await open();
    await logIn(page, 'ubkt.hg');
    await page.waitForURL(/\/tham-dinh/);
    const pending = page.locator('.pending', { hasText: 'bien-ban-hoi-nghi.pdf' });
    await pending.waitFor();
    await screenshot(page, '11-ubkt-cho-tham-dinh');
    await expect(unlabelledControls(page)).resolves.toEqual([]);

    // Evidence downloads with the token.
    const [evidence] = await Promise.all([
      page.waitForEvent('download'),
      pending.getByRole('button', { name: 'Tải bien-ban-hoi-nghi.pdf' }).click(),
    ]);
    expect(evidence.suggestedFilename()).toBe('bien-ban-hoi-nghi.pdf');

    // Rejecting without a reason is refused; the reason is asked for by the comment field.
    await pending.getByRole('button', { name: 'Bác bỏ' }).click();
    await pending.locator('.field-error').waitFor();
    await expect(pending.locator('.field-error').textContent()).resolves.toMatch(/lý do|ký tự/);
    await pending.getByLabel(/Nhận xét thẩm định/).fill('Báo cáo đầy đủ, có biên bản hội nghị.');
    await pending.getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByText('Đã thẩm định: chấp nhận.').waitFor();

    await page.goto(`/nhiem-vu/${taskId}`);
    await page.getByRole('heading', { name: 'Lịch sử nhiệm vụ' }).waitFor();
    await page.locator('.timeline li', { hasText: 'Bắt đầu thực hiện' }).waitFor();
    await page.locator('table', { hasText: 'Thẩm định báo cáo' }).waitFor();
    await expect(page.getByText('Đã chấp nhận').count()).resolves.toBeGreaterThan(0);

    // The task reported complete goes back for more work, with the reason required.
    await page.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await page.locator('#action-reason ~ .field-error').waitFor();
    await page.getByLabel(/^Lý do/).fill('Cần bổ sung số liệu hộ thoát nghèo của từng huyện.');
    await page.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await page.getByText('Đã trả lại để bổ sung.').waitFor();
    await page.locator('.timeline li', { hasText: 'Cần bổ sung số liệu' }).waitFor();
    await screenshot(page, '12-ubkt-lich-su', true);

    await page.getByRole('link', { name: 'Bảng kết quả' }).click();
    await page.locator('table.scorecards tbody tr').first().waitFor();
    await page.locator('.stat-total .stat-value').filter({ hasText: /^\d+$/ }).waitFor();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải Excel (.xlsx)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = await xlsx.path();
    expect(statSync(saved).size).toBeGreaterThan(1000);
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByText(/Đã tải .*\.xlsx/).waitFor();
    await screenshot(page, '13-ubkt-bang-ket-qua', true);
    await expect(unlabelledControls(page)).resolves.toEqual([]);

    const office = await open();
    await logIn(office, 'vanphong.hg');
    await office
      .locator('section', { hasText: 'Nhiệm vụ bị trả lại (1)' })
      .locator(`a[href="/nhiem-vu/${taskId}"]`)
      .waitFor();
    await screenshot(office, '15-tong-quan-tra-lai');

    const phone = await open(PHONE);
    await logIn(phone, 'ubkt.hg');
    await phone.goto('/bang-diem');
    await phone.locator('table.scorecards tbody tr').first().waitFor();
    await screenshot(phone, '16-ubkt-dien-thoai', true);
    expect(
      await phone.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByText(/Chuỗi băm nguyên vẹn/).waitFor();
    await screenshot(page, '14-ubkt-nhat-ky');
  }, 120_000);

  it('sends a person with an expired token back to the login page', async () => {
    const page = await open();
    await page.goto('/dang-nhap');
    // The page's own storage, as a stale session from yesterday would leave it.
    const user = { role: 'agency', displayName: 'X', organizationId: 'x', organization: null };
    await page.evaluate(
      `sessionStorage.setItem('dondoc.token', 'het-han');` +
        `sessionStorage.setItem('dondoc.user', ${JSON.stringify(JSON.stringify(user))});`,
    );
    await page.goto('/nhiem-vu');
    await page.waitForURL(/\/dang-nhap\?tiep=/);
    await page.getByText(/Phiên đăng nhập đã hết hạn/).waitFor();
    await expect(page.evaluate(`sessionStorage.getItem('dondoc.token')`)).resolves.toBeNull();
  });

  it('raised no script errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('web interface not built', () => {
  it('answers / with how to build it, and the API still works', async () => {
    process.env.WEB_DIST_DIR = 'test-output/ui/khong-co-ban-dung';
    const t = await startTestApp();
    try {
      const page = await fetch(`${t.baseUrl}/`);
      expect(page.status).toBe(503);
      await expect(page.text()).resolves.toContain('npm run build:web');
      expect((await fetch(`${t.baseUrl}/api/v1/health`)).status).toBe(200);
    } finally {
      delete process.env.WEB_DIST_DIR;
      await t.close();
    }
  }, 60_000);
});
