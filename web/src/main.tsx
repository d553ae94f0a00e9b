import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  api,
  clearSession,
  getStoredUser,
  getToken,
  saveSession,
  setUnauthorizedHandler,
  type User,
} from './api';
import { ROLE_LABEL } from './format';
import { AuditPage } from './pages/audit';
import { DocumentDetailPage } from './pages/document-detail';
import { DocumentsPage } from './pages/documents';
import { LoginPage } from './pages/login';
import { NotificationsPage } from './pages/notifications';
import { ReviewQueuePage } from './pages/review-queue';
import { DashboardPage, ScorecardsPage } from './pages/summaries';
import { TaskDetailPage } from './pages/task-detail';
import { TasksPage } from './pages/tasks';
import { match, navigate, onLinkClick, useLocation } from './router';
import './styles.css';

const NAV: Record<User['role'], { href: string; label: string }[]> = {
  office: [
    { href: '/tong-quan', label: 'Tổng quan' },
    { href: '/van-ban', label: 'Văn bản' },
    { href: '/nhiem-vu', label: 'Nhiệm vụ' },
    { href: '/thong-bao', label: 'Thông báo' },
  ],
  agency: [
    { href: '/nhiem-vu', label: 'Nhiệm vụ của tôi' },
    { href: '/thong-bao', label: 'Thông báo' },
  ],
  inspector: [
    { href: '/tham-dinh', label: 'Chờ thẩm định' },
    { href: '/nhiem-vu', label: 'Nhiệm vụ' },
    { href: '/bang-diem', label: 'Bảng kết quả' },
    { href: '/nhat-ky', label: 'Nhật ký' },
    { href: '/thong-bao', label: 'Thông báo' },
  ],
  admin: [
    { href: '/nhiem-vu', label: 'Nhiệm vụ' },
    { href: '/van-ban', label: 'Văn bản' },
    { href: '/nhat-ky', label: 'Nhật ký' },
  ],
};

const HOME: Record<User['role'], string> = {
  office: '/tong-quan',
  agency: '/nhiem-vu',
  inspector: '/tham-dinh',
  admin: '/nhiem-vu',
};

function NotFound() {
  return (
    <section class="card">
      <h1>Không tìm thấy trang</h1>
      <p>
        Địa chỉ này không có trong hệ thống. <a href="/">Về trang chính</a>
      </p>
    </section>
  );
}

function Routes({ user, path }: { user: User; path: string }) {
  let params: Record<string, string> | null;
  if (path === '/' || path === '/dang-nhap') return null;
  if (path === '/tong-quan') return <DashboardPage />;
  if (path === '/van-ban') return <DocumentsPage />;
  if ((params = match('/van-ban/:id', path))) return <DocumentDetailPage id={params.id} />;
  if (path === '/nhiem-vu')
    return <TasksPage title={user.role === 'agency' ? 'Nhiệm vụ của tôi' : 'Nhiệm vụ'} />;
  if ((params = match('/nhiem-vu/:id', path))) return <TaskDetailPage id={params.id} user={user} />;
  if (path === '/tham-dinh') return <ReviewQueuePage />;
  if (path === '/bang-diem') return <ScorecardsPage />;
  if (path === '/nhat-ky') return <AuditPage />;
  if (path === '/thong-bao') return <NotificationsPage />;
  return <NotFound />;
}

function App() {
  const { path } = useLocation();
  const [user, setUser] = useState<User | null>(getStoredUser);
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      setNotice('Phiên đăng nhập đã hết hạn hoặc không hợp lệ; vui lòng đăng nhập lại.');
      const back = location.pathname === '/dang-nhap' ? '' : location.pathname + location.search;
      navigate(`/dang-nhap${back ? `?tiep=${encodeURIComponent(back)}` : ''}`, true);
    });
  }, []);

  useEffect(() => {
    document.documentElement.classList.toggle('session', !!user);
  }, [user]);

  // A stored session is checked once on start: a revoked token goes back to the login page
  // (the 401 handler), a changed role or organization is picked up.
  useEffect(() => {
    const token = getToken();
    if (!token || !user) return;
    api<User>('/me').then(
      (me) => {
        saveSession(token, me);
        setUser(me);
      },
      () => undefined,
    );
  }, []);

  // Unread notifications, read again on each page change.
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (!user) return;
    let live = true;
    api<{ unread?: number }>('/notifications?unread=true&pageSize=1').then(
      (r) => live && setUnread(r.unread ?? 0),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [user, path]);

  useEffect(() => {
    if (!user && path !== '/dang-nhap') {
      const back = path === '/' ? '' : location.pathname + location.search;
      navigate(`/dang-nhap${back ? `?tiep=${encodeURIComponent(back)}` : ''}`, true);
    } else if (user && (path === '/' || path === '/dang-nhap')) {
      navigate(HOME[user.role], true);
    }
  }, [user, path]);

  useEffect(() => {
    // On a phone the navigation scrolls sideways: keep the current page's link in view.
    const link = document.querySelector<HTMLElement>('.nav a[aria-current="page"]');
    const nav = link?.parentElement;
    if (link && nav) {
      const left = link.offsetLeft - nav.offsetLeft;
      if (left < nav.scrollLeft || left + link.offsetWidth > nav.scrollLeft + nav.clientWidth) {
        nav.scrollLeft = Math.max(0, left - 8);
      }
    }
  }, [path]);

  useEffect(() => {
    const main = document.getElementById('main');
    const heading = main?.querySelector('h1');
    document.title = heading?.textContent ? `${heading.textContent} — Đôn đốc` : 'Đôn đốc';
  });

  function logout() {
    clearSession();
    setUser(null);
    setNotice('Bạn đã đăng xuất.');
    navigate('/dang-nhap', true);
  }

  return (
    <div onClick={onLinkClick}>
      <a class="skip" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header class="topbar">
        <a class="brand" href={user ? HOME[user.role] : '/dang-nhap'}>
          Đôn đốc
        </a>
        {user && (
          <nav class="nav" aria-label="Chức năng chính">
            {NAV[user.role].map((item) => (
              <a
                key={item.href}
                href={item.href}
                aria-current={
                  path === item.href || path.startsWith(`${item.href}/`) ? 'page' : undefined
                }
              >
                {item.label}
                {item.href === '/thong-bao' && unread > 0 && (
                  <span class="count" aria-label={`${unread} chưa đọc`}>
                    {unread}
                  </span>
                )}
              </a>
            ))}
          </nav>
        )}
        {user && (
          <div class="who">
            <span class="who-name" title={user.organization?.name ?? ''}>
              {user.displayName} · {ROLE_LABEL[user.role]}
            </span>
            <button type="button" class="small" onClick={logout}>
              Đăng xuất
            </button>
          </div>
        )}
      </header>
      <main id="main" class="page" tabIndex={-1}>
        {user ? (
          <Routes user={user} path={path} />
        ) : (
          <LoginPage
            notice={notice}
            onLogin={(u) => {
              setNotice(undefined);
              setUser(u);
              const next = new URLSearchParams(location.search).get('tiep');
              navigate(
                next && next.startsWith('/') && !next.startsWith('//') ? next : HOME[u.role],
                true,
              );
            }}
          />
        )}
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
