import { useState } from 'preact/hooks';
import { api, ApiError, saveSession, type User } from '../api';
import { ErrorBox, asApiError } from '../components';

export function LoginPage(props: { onLogin: (user: User) => void; notice?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ accessToken: string; user: User }>('/auth/login', {
        body: { username: username.trim(), password },
        noRedirect: true,
      });
      saveSession(result.accessToken, result.user);
      props.onLogin(result.user);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="login card" aria-labelledby="login-title">
      <h1 id="login-title">Đăng nhập</h1>
      <p class="muted">Hệ thống theo dõi, đôn đốc thực hiện nghị quyết.</p>
      {props.notice && !error && (
        <div class="alert alert-info" role="status">
          {props.notice}
        </div>
      )}
      <ErrorBox error={error} shown={['username', 'password']} />
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="login-username">Tên đăng nhập</label>
          <input
            id="login-username"
            name="username"
            autoComplete="username"
            value={username}
            required
            onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
          />
          {error?.field('username') && <p class="field-error">{error.field('username')}</p>}
        </div>
        <div class="field">
          <label for="login-password">Mật khẩu</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            required
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
          {error?.field('password') && <p class="field-error">{error.field('password')}</p>}
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </section>
  );
}
