import { createSignal, Show } from 'solid-js';
import type { ApiClient, SessionInfo } from '../api.ts';
import { loginErrorText } from './login-text.ts';

export function Login(props: { api: ApiClient; onSignedIn: (s: SessionInfo) => void; expired?: boolean }) {
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let user!: HTMLInputElement;
  let password!: HTMLInputElement;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!user.value || !password.value) {
      setError('Enter your user name and password.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await props.api.login(user.value, password.value);
      password.value = '';
      props.onSignedIn(await props.api.session());
    } catch (e) {
      setError(loginErrorText(e));
      password.value = '';
      password.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title" novalidate>
        <h1 id="login-title">stronk-gateway</h1>
        <p class="muted">Sign in to the operator workspace.</p>
        <Show when={props.expired}>
          <p class="notice" role="status">
            Your session ended. Sign in again to continue.
          </p>
        </Show>
        <label for="login-user">User name</label>
        <input id="login-user" name="username" autocomplete="username" ref={user} required autofocus />
        <label for="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autocomplete="current-password"
          ref={password}
          required
        />
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
        <button type="submit" class="primary" disabled={busy()}>
          {busy() ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
