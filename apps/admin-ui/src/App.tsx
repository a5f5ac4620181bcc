import { A, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { api, expiredNotice, session, setExpiredNotice, setSession } from './state.tsx';
import { setTheme, type ThemeChoice, theme } from './theme.ts';
import { AccessLog } from './views/AccessLog.tsx';
import { EventDetail, Events } from './views/Events.tsx';
import { Login } from './views/Login.tsx';
import { Overview } from './views/Overview.tsx';
import { Posture } from './views/Posture.tsx';
import { TraceDetail, Traces } from './views/Traces.tsx';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

function Shell(props: RouteSectionProps) {
  onMount(async () => {
    try {
      setSession(await api.session());
    } catch {
      setSession(null);
    }
    // Notice an idle or absolute expiry even when the user only looks at a page.
    const timer = setInterval(() => {
      if (session()) api.session().then(setSession, () => {});
    }, 60_000);
    onCleanup(() => clearInterval(timer));
  });
  const signOut = async () => {
    try {
      await api.logout();
    } catch {
      // Already gone: sign-in is shown either way.
    }
    setExpiredNotice(false);
    setSession(null);
  };
  const canSeeAccess = () => session()?.roles.some((r) => r === 'admin' || r === 'auditor') ?? false;
  return (
    <Switch>
      <Match when={session() === undefined}>
        <div class="state state-loading boot" aria-busy="true">
          Loading…
        </div>
      </Match>
      <Match when={session() === null}>
        <Login
          api={api}
          expired={expiredNotice()}
          onSignedIn={(s) => {
            setExpiredNotice(false);
            setSession(s);
          }}
        />
      </Match>
      <Match when={session()}>
        {(s) => (
          <div class="layout">
            <a class="skip" href="#main">
              Skip to content
            </a>
            <header class="topbar">
              <span class="brand">stronk-gateway</span>
              <nav aria-label="Main">
                <A href="/" end>
                  Overview
                </A>
                <A href="/events">Events</A>
                <A href="/posture">Posture</A>
                <Show when={canSeeAccess()}>
                  <A href="/access-log">Access log</A>
                </Show>
                <Show when={s().can_view_traces}>
                  <A href="/traces">Traces</A>
                </Show>
              </nav>
              <div class="topbar-end">
                <label class="theme-pick">
                  <span class="sr-only">Theme</span>
                  <select
                    aria-label="Theme"
                    value={theme()}
                    onChange={(e) => setTheme(e.currentTarget.value as ThemeChoice)}
                  >
                    <For each={THEMES}>{(t) => <option value={t.value}>{t.label}</option>}</For>
                  </select>
                </label>
                <span class="user" title={s().roles.join(', ')}>
                  {s().username}
                </span>
                <button type="button" onClick={signOut}>
                  Sign out
                </button>
              </div>
            </header>
            <main id="main" tabindex="-1">
              {props.children}
            </main>
          </div>
        )}
      </Match>
    </Switch>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        <A href="/">Back to the overview</A>
      </p>
    </section>
  );
}

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/" component={Overview} />
      <Route path="/events" component={Events} />
      <Route path="/events/:id" component={EventDetail} />
      <Route path="/posture" component={Posture} />
      <Route path="/access-log" component={AccessLog} />
      <Route path="/traces" component={Traces} />
      <Route path="/traces/:id" component={TraceDetail} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
