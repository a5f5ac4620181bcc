// @vitest-environment happy-dom
import { render } from 'solid-js/web';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, type SessionInfo } from './api.ts';
import { applyTheme, readTheme, THEME_KEY } from './theme.ts';
import { Login } from './views/Login.tsx';

const tick = () => new Promise((r) => setTimeout(r, 0));
let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = '';
  localStorage.clear();
});

function mount(ui: () => Parameters<typeof render>[0] extends () => infer R ? R : never) {
  const root = document.createElement('div');
  document.body.append(root);
  dispose = render(ui, root);
  return root;
}

const session: SessionInfo = {
  username: 'root',
  roles: ['admin'],
  idle_expires_at: '',
  absolute_expires_at: '',
  can_view_traces: true,
};

describe('Login', () => {
  it('shows the server error and keeps the user on the form', async () => {
    const api = createApiClient({
      fetch: async () =>
        new Response(JSON.stringify({ error: { code: 'invalid_credentials', message: 'no' } }), {
          status: 401,
        }),
    });
    let signedIn = false;
    const root = mount(() => <Login api={api} onSignedIn={() => (signedIn = true)} />);
    root.querySelector<HTMLInputElement>('#login-user')!.value = 'root';
    root.querySelector<HTMLInputElement>('#login-password')!.value = 'bad';
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    await tick();
    await tick();
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Wrong user name or password.');
    expect(signedIn).toBe(false);
    expect(root.querySelector<HTMLInputElement>('#login-password')!.value).toBe('');
  });

  it('asks for both fields before calling the API', async () => {
    let calls = 0;
    const api = createApiClient({
      fetch: async () => {
        calls++;
        throw new ApiError(0, 'network', 'down');
      },
    });
    const root = mount(() => <Login api={api} onSignedIn={() => {}} />);
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    await tick();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Enter your user name');
    expect(calls).toBe(0);
  });

  it('signs in and hands over the session; shows the expiry notice when asked', async () => {
    const api = createApiClient({
      fetch: async (input) =>
        new Response(JSON.stringify(input === '/api/auth/login' ? { username: 'root' } : session), {
          status: 200,
        }),
    });
    let got: SessionInfo | undefined;
    const root = mount(() => <Login api={api} expired onSignedIn={(s) => (got = s)} />);
    expect(root.textContent).toContain('Your session ended');
    root.querySelector<HTMLInputElement>('#login-user')!.value = 'root';
    root.querySelector<HTMLInputElement>('#login-password')!.value = 'pw';
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    await tick();
    await tick();
    await tick();
    expect(got).toEqual(session);
  });
});

describe('theme', () => {
  it('remembers light/dark and follows the system otherwise', () => {
    const html = document.documentElement;
    applyTheme('dark', html, localStorage);
    expect(html.dataset.theme).toBe('dark');
    expect(readTheme(localStorage)).toBe('dark');
    applyTheme('system', html, localStorage);
    expect(html.dataset.theme).toBeUndefined();
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
    expect(readTheme(localStorage)).toBe('system');
    localStorage.setItem(THEME_KEY, 'purple');
    expect(readTheme(localStorage)).toBe('system');
  });
});
