/**
 * The built UI in real Chromium (Debian's /usr/bin/chromium, headless) against the real admin API and proxy on
 * 127.0.0.1 with canary traffic. Screenshots of every screen in both themes, at desktop and tablet width, go to
 * <repo>/artifacts/admin-ui/ (CI uploads them).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARIES, SECRET, waitFor } from '../../admin-api/test/flow.ts';
import { adminClient, chat, PASSWORD, type Stack, startStack } from '../../admin-api/test/harness.ts';
import { formatMs } from '../src/stats.ts';

/** The parts of the admin API's answers this test reads (the UI's full types live in src/api.ts). */
interface ApiEvent {
  latency_ms: number;
  rehydrated: number;
  counts_by_action: Record<string, number>;
}
interface RawTrace {
  id: string;
  requestBody: string;
  detections?: Array<{ type: string; action: string; path: string; start: number; end: number }>;
}

const CHROMIUM = process.env.STRONK_CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(
    `admin-ui browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium, or set STRONK_CHROMIUM_PATH).`,
  );

const uiRoot = resolve(import.meta.dirname, '..');
const shots = resolve(uiRoot, '../../artifacts/admin-ui');

describe.skipIf(!haveChromium)('admin UI in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let distDir: string;
  const external: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'stronk-admin-ui-'));
    await build({
      root: uiRoot,
      configFile: join(uiRoot, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: distDir, emptyOutDir: true },
    });
    stack = await startStack(
      {
        STRONK_GATEWAY_ENABLE_ADMIN_UI: 'true',
        STRONK_GATEWAY_ADMIN_UI_DIR: distDir,
        STRONK_GATEWAY_UNSAFE_DEBUG_TRACES_ENABLED: 'true',
        STRONK_GATEWAY_UNSAFE_DEBUG_GATEWAY_SECRET: SECRET,
      },
      {
        users: [
          { username: 'root', roles: ['admin'] },
          { username: 'op', roles: ['operator'] },
        ],
      },
    );
    // Seeded canary traffic: one masked, one blocked, one streamed request.
    expect((await chat(stack.proxyUrl, `Mail ${CANARIES.email} or call ${CANARIES.phone}.`)).status).toBe(
      200,
    );
    expect((await chat(stack.proxyUrl, `my key is ${CANARIES.key}`)).status).toBe(400);
    await (await chat(stack.proxyUrl, `Stream to ${CANARIES.email}`, { stream: true })).text();
    await stack.gateway.audit!.writer.flush();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  async function newPage(viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const origin = new URL(stack.admin.url).origin;
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) external.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    return page;
  }

  async function noCanary(page: Page) {
    const html = await page.content();
    for (const value of Object.values(CANARIES)) expect(html).not.toContain(value);
  }

  async function theme(page: Page, value: 'light' | 'dark' | 'system') {
    await page.selectOption('select[aria-label="Theme"]', value);
  }

  async function shoot(page: Page, name: string) {
    for (const t of ['light', 'dark'] as const) {
      await theme(page, t);
      await page.screenshot({ path: join(shots, `${name}-${t}.png`), fullPage: true });
    }
    await theme(page, 'light');
  }

  async function signIn(page: Page, user: string, password = PASSWORD) {
    await page.fill('#login-user', user);
    await page.fill('#login-password', password);
    await page.click('button[type=submit]');
  }

  it('walks every screen as admin, then as an operator without trace access', async () => {
    const api = adminClient(stack.admin.url);
    expect((await api.login('root')).status).toBe(200);
    const summary = (await (await api.get('/api/summary?window=24h')).json()) as Record<string, number>;
    expect(summary.requests_total).toBe(3);

    const page = await newPage();
    await page.goto(stack.admin.url);
    await page.waitForSelector('#login-user');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(shots, 'sign-in-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(shots, 'sign-in-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Wrong password: a clear error, still on sign-in.
    await signIn(page, 'root', 'not the password');
    await expect.poll(() => page.textContent('[role=alert]')).toContain('Wrong user name or password');

    // Sign in; the overview shows the numbers of the traffic sent.
    await signIn(page, 'root');
    await page.waitForSelector('[data-stat="requests_total"]');
    const stat = (id: string) => page.textContent(`[data-stat="${id}"] .card-value`);
    expect(await stat('requests_total')).toBe('3');
    expect(await stat('blocked_total')).toBe('1');
    expect(await stat('masked_total')).toBe(String(summary.masked_total));
    expect(await stat('rehydrated_total')).toBe(String(summary.rehydrated_total));
    await page.waitForSelector('.chart canvas');
    await page.waitForSelector('[data-stat="p95"]');
    await overviewMatchesTraffic(page, api);
    await page.click('button:has-text("1h")');
    await expect.poll(() => page.getAttribute('button:has-text("1h")', 'aria-pressed')).toBe('true');
    expect(await stat('requests_total')).toBe('3');
    await overviewMatchesTraffic(page, api);
    await noCanary(page);
    await shoot(page, 'overview');

    // Events: three rows, a filter, a detail.
    await page.click('nav >> text=Events');
    await page.waitForSelector('tr[data-event-id]');
    expect(await page.locator('tr[data-event-id]').count()).toBe(3);
    await noCanary(page);
    await shoot(page, 'events');
    await page.selectOption('select[name=outcome]', 'blocked');
    await page.click('button:has-text("Apply")');
    await expect.poll(() => page.locator('tr[data-event-id]').count()).toBe(1);
    expect(await page.textContent('tr[data-event-id]')).toContain('blocked');
    await page.click('button:has-text("Clear")');
    await expect.poll(() => page.locator('tr[data-event-id]').count()).toBe(3);
    await page.fill('input[name=type]', 'phone');
    await page.press('input[name=type]', 'Enter');
    await expect.poll(() => page.locator('tr[data-event-id]').count()).toBe(1);
    await page.click('tr[data-event-id] a');
    await page.waitForSelector('text=Touched JSON paths');
    expect(await page.textContent('main')).toContain('messages[0].content');
    await noCanary(page);
    await shoot(page, 'event-detail');

    // Posture and access log.
    await page.click('nav >> text=Posture');
    await page.waitForSelector('[data-switch="raw_traces_enabled"]');
    expect(await page.textContent('main')).toContain('Raw, unmasked requests');
    await noCanary(page);
    await shoot(page, 'posture');
    await page.click('nav >> text=Access log');
    await page.waitForSelector('code:text-is("/api/posture")');
    await noCanary(page);
    await shoot(page, 'access-log');

    // Traces (admin may): marked sensitive; detections highlighted in the raw and the masked request.
    const traced = await tracedRequest(api);
    await page.click('nav >> text=Traces');
    await page.waitForSelector('.sensitive');
    await page.click(`a[href="/traces/${traced.id}"]`);
    await page.waitForSelector('pre[data-side="masked"] mark.det');
    await highlightsMatchTrace(page, traced);
    await shoot(page, 'trace-detail');

    // Theme is remembered across a reload.
    await page.click('nav >> text=Overview');
    await theme(page, 'dark');
    await page.reload();
    await page.waitForSelector('[data-stat="requests_total"]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.inputValue('select[aria-label="Theme"]')).toBe('dark');
    await theme(page, 'system');
    expect(await page.getAttribute('html', 'data-theme')).toBeNull();

    // Keyboard: the skip link is the first stop and sign-out is reachable.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');

    // Sign out.
    await page.click('button:has-text("Sign out")');
    await page.waitForSelector('#login-user');
    await page.context().close();

    // Operator: no traces view, no access log.
    const op = await newPage();
    await op.goto(stack.admin.url);
    await signIn(op, 'op');
    await op.waitForSelector('[data-stat="requests_total"]');
    expect(await op.locator('nav >> text=Traces').count()).toBe(0);
    expect(await op.locator('nav >> text=Access log').count()).toBe(0);
    await noCanary(op);
    await op.goto(`${stack.admin.url}/traces`);
    await op.waitForSelector('text=not available for your role');
    expect(await op.locator('pre.raw').count()).toBe(0);
    await noCanary(op);

    // Session expiry: the cookie disappears, the next call answers 401, sign-in comes back with a notice.
    await op.goto(`${stack.admin.url}/events`);
    await op.waitForSelector('tr[data-event-id]');
    await op.context().clearCookies();
    await op.click('nav >> text=Posture');
    await op.waitForSelector('#login-user');
    expect(await op.textContent('main')).toContain('Your session ended');
    await op.context().close();

    expect(external).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('fits a tablet (768×1024): no page overflow, navigation reachable, tables scroll in their box', async () => {
    const api = adminClient(stack.admin.url);
    expect((await api.login('root')).status).toBe(200);
    const traced = await tracedRequest(api);
    const page = await newPage({ width: 768, height: 1024 });
    await page.goto(stack.admin.url);
    await page.waitForSelector('#login-user');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(768);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(shots, `tablet-sign-in-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await signIn(page, 'root');
    await page.waitForSelector('[data-stat="p95"]');
    await fitsTablet(page, 'overview');
    await page.click('summary:has-text("Chart data as a table")');
    await fitsTablet(page, 'overview-table');

    await page.click('nav >> text=Events');
    await page.waitForSelector('tr[data-event-id]');
    await fitsTablet(page, 'events');
    await page.click('tr[data-event-id] a');
    await page.waitForSelector('text=Touched JSON paths');
    await fitsTablet(page, 'event-detail');

    await page.click('nav >> text=Posture');
    await page.waitForSelector('[data-switch="raw_traces_enabled"]');
    await fitsTablet(page, 'posture');

    await page.click('nav >> text=Access log');
    await page.waitForSelector('code:text-is("/api/posture")');
    await fitsTablet(page, 'access-log');

    await page.click('nav >> text=Traces');
    await page.waitForSelector(`a[href="/traces/${traced.id}"]`);
    await fitsTablet(page, 'traces');
    await page.click(`a[href="/traces/${traced.id}"]`);
    await page.waitForSelector('pre[data-side="masked"] mark.det');
    await fitsTablet(page, 'trace-detail');
    await page.context().close();
  });

  /** The overview's cards and chart table against the events the test sent (read through the API). */
  async function overviewMatchesTraffic(page: Page, api: ReturnType<typeof adminClient>) {
    const { events } = (await (await api.get('/api/events?limit=500')).json()) as { events: ApiEvent[] };
    expect(events).toHaveLength(3);
    const latencies = events.map((e) => e.latency_ms);
    const stat = (id: string) => page.textContent(`[data-stat="${id}"] .card-value`);
    await expect.poll(() => stat('p50')).toBe(formatMs(nearestRank(latencies, 50)));
    expect(await stat('p95')).toBe(formatMs(nearestRank(latencies, 95)));
    expect(await stat('p99')).toBe(formatMs(nearestRank(latencies, 99)));
    expect(await page.textContent('[data-stat="p50"] .card-hint')).toBe('over 3 events');
    expect(await page.locator('[data-retention-note]').count()).toBe(0);
    // The chart's numbers, bucket by bucket, add up to the traffic sent.
    const column = async (name: string) =>
      (await page.locator(`tr[data-bucket] td[data-col="${name}"]`).allTextContents()).reduce(
        (sum, text) => sum + Number(text),
        0,
      );
    const sum = (f: (e: ApiEvent) => number) => events.reduce((n, e) => n + f(e), 0);
    expect(await column('requests')).toBe(3);
    expect(await column('blocked')).toBe(1);
    expect(await column('errors')).toBe(0);
    expect(await column('masked')).toBe(sum((e) => e.counts_by_action.mask ?? 0));
    expect(await column('rehydrated')).toBe(sum((e) => e.rehydrated));
    expect(sum((e) => e.counts_by_action.mask ?? 0)).toBeGreaterThanOrEqual(3);
  }

  /** The raw trace of the first request (email and phone masked), once the proxy has stored it. */
  async function tracedRequest(api: ReturnType<typeof adminClient>): Promise<RawTrace> {
    const id = await waitFor(async () => {
      const { traces } = (await (await api.get('/api/debug/traces')).json()) as { traces: RawTrace[] };
      return traces.find((t) => t.detections?.some((d) => d.type === 'phone'))?.id;
    });
    return (await (await api.get(`/api/debug/traces/${id}`)).json()) as RawTrace;
  }

  /** Every detection is marked in both bodies: the value in the raw one, its placeholder in the masked one. */
  async function highlightsMatchTrace(page: Page, trace: RawTrace) {
    const detections = trace.detections ?? [];
    expect(detections.map((d) => d.type).sort()).toEqual(['email', 'phone']);
    expect(trace.requestBody, 'the proxy kept the raw request body in the trace').toContain(CANARIES.email);
    const marks = (side: string) =>
      page.$$eval(`pre[data-side="${side}"] mark.det`, (list) =>
        list.map((m) => ({
          n: m.getAttribute('data-det'),
          type: m.getAttribute('data-type'),
          // The value without the screen-reader words around it.
          text: [...m.childNodes]
            .filter((c) => !(c.nodeType === 1 && c.classList.contains('sr-only')))
            .map((c) => c.textContent)
            .join(''),
          said: m.textContent,
        })),
      );
    const numbers = detections.map((_, i) => String(i + 1));
    const raw = await marks('raw');
    expect(raw.map((m) => m.n)).toEqual(numbers);
    const byType = Object.fromEntries(raw.map((m) => [m.type, m.text]));
    expect(byType).toEqual({ email: CANARIES.email, phone: CANARIES.phone });
    const masked = await marks('masked');
    expect(masked.map((m) => m.n)).toEqual(numbers);
    for (const m of masked) {
      expect(m.text).toMatch(
        m.type === 'email' ? /^\[\[EMAIL_[0-9A-Z]{10}\]\]$/ : /^\[\[PHONE_[0-9A-Z]{10}\]\]$/,
      );
      expect(m.said).toContain(`detection ${m.n}, ${m.type}, masked`);
    }
    // Visible tags and the table carry the same numbers and types, so colour is never the only cue.
    expect(await page.locator('pre[data-side="raw"] .det-tag').allTextContents()).toEqual(
      raw.map((m) => `${m.n} ${m.type}`),
    );
    expect(await page.locator('tr[data-detection]').count()).toBe(detections.length);
    expect(await page.locator('[data-unplaced]').count()).toBe(0);
    expect(await page.textContent('.det-legend')).toContain('solid outline');
  }

  /** No sideways page scroll, every nav link on screen, every table inside a box that scrolls on its own. */
  async function fitsTablet(page: Page, name: string) {
    const layout = {
      scrollWidth: Number(await page.evaluate('document.documentElement.scrollWidth')),
      innerWidth: Number(await page.evaluate('window.innerWidth')),
      nav: await Promise.all(
        (await page.locator('nav[aria-label="Main"] a').all()).map(async (a) => {
          const box = await a.boundingBox();
          return {
            text: await a.textContent(),
            left: box?.x ?? -1,
            right: (box?.x ?? 0) + (box?.width ?? 0),
            visible: await a.isVisible(),
          };
        }),
      ),
      tables: await Promise.all(
        (await page.locator('main table:not(.u-legend)').all()).map((t) =>
          t.evaluate((table) => {
            const wrap = table.closest('.table-wrap');
            const box = (wrap ?? table).getBoundingClientRect();
            return {
              shown: table.getBoundingClientRect().width > 0,
              wrapped: wrap !== null,
              overflowX: wrap ? table.ownerDocument.defaultView.getComputedStyle(wrap).overflowX : '',
              right: box.right,
            };
          }),
        ),
      ),
    };
    expect(layout.scrollWidth, `${name}: page wider than the viewport`).toBeLessThanOrEqual(
      layout.innerWidth,
    );
    expect(layout.nav.length, name).toBeGreaterThanOrEqual(5);
    for (const link of layout.nav) {
      expect(link.visible, `${name}: ${link.text}`).toBe(true);
      expect(link.left, `${name}: ${link.text}`).toBeGreaterThanOrEqual(0);
      expect(link.right, `${name}: ${link.text}`).toBeLessThanOrEqual(layout.innerWidth);
    }
    for (const table of layout.tables.filter((t) => t.shown)) {
      expect(table.wrapped, `${name}: table outside a scroll box`).toBe(true);
      expect(['auto', 'scroll'], name).toContain(table.overflowX);
      expect(table.right, name).toBeLessThanOrEqual(layout.innerWidth);
    }
    await shoot(page, `tablet-${name}`);
  }

  it('shows the locked-out message when sign-in is rate limited', async () => {
    const page = await newPage();
    await page.goto(stack.admin.url);
    await page.waitForSelector('#login-user');
    for (let i = 0; i < 8; i++) {
      await signIn(page, 'locked-user', `wrong-${i}`);
      await page.waitForSelector('button[type=submit]:not([disabled])');
      const text = await page.textContent('[role=alert]');
      if (text?.includes('locked')) break;
    }
    expect(await page.textContent('[role=alert]')).toContain('sign-in is locked');
    await page.screenshot({ path: join(shots, 'sign-in-locked.png') });
    await page.context().close();
  });
});

function nearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}
