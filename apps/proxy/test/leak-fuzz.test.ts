import { normalizeText, preloadChineseSegmenter } from '@stronk/detectors';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  gb11643CheckChar,
  ibanMod97Valid,
  luhnValid,
} from '../../../packages/detectors/src/structured/checksums.ts';
import { createRedactorForConfig } from '../src/app.ts';
import { loadProxyConfig } from '../src/config.ts';
import { CANARY_KINDS, CANARY_TYPES, type CanaryType } from './canaries.ts';
import { type FakeUpstream, replyingHandler, startFakeUpstream } from './fake-upstream.ts';
import { type AnyJson, ROUTES, type RouteName, streamedText } from './http.ts';
import {
  caseArbitrary,
  echoStrings,
  type FuzzCase,
  isStrict,
  label,
  type Placement,
} from './leak-fuzz-cases.ts';
import { type RunningProxy, startProxy, upstreamView } from './proxy-harness.ts';
import type { Surface } from './request-slots.ts';
import { deltaText, openSocket } from './websocket-helpers.ts';

/*
 * Leak fuzzing through the real proxy. Each run builds a valid request for one surface with one to three
 * canaries (every masked or blocked type, each valid for its type) written in a bypass variant and placed
 * anywhere the provider would read text. The fake upstream records every byte and answers with all the
 * strings it received, so the reply carries the placeholders back. Properties:
 *   - blocked (a secret, or a definitive value in a tool definition): a 400 and nothing reaches the upstream;
 *   - otherwise: no canary, folded the way the detectors fold text, in any byte the upstream received, and
 *     the caller gets exactly the original text back (JSON and SSE, and over the websocket);
 *   - variants out of reach by design (docs/threat-model.md): no crash and an uncorrupted reply.
 * Names, organizations and addresses are statistical: for them a variant or position must not lose what
 * the same sentence written plainly is masked for (recall itself is measured in docs/accuracy.md).
 *
 * Budget: STRONK_FUZZ_RUNS runs per surface (default below). A failure prints the seed and path; rerun with
 * STRONK_FUZZ_SEED=<seed> [STRONK_FUZZ_PATH=<path>]. Counterexamples print types, variants and slots only,
 * never a value.
 */

const RUNS = Number(process.env.STRONK_FUZZ_RUNS ?? 150);
const SEED = process.env.STRONK_FUZZ_SEED === undefined ? undefined : Number(process.env.STRONK_FUZZ_SEED);
const PATH = process.env.STRONK_FUZZ_PATH;
const PARAMS: fc.Parameters<unknown> = {
  numRuns: RUNS,
  ...(SEED === undefined ? {} : { seed: SEED }),
  ...(PATH === undefined ? {} : { path: PATH }),
};

// The proxy detects on a worker thread, as deployments with two or more cores do by default.
const ENV = {
  STRONK_GATEWAY_DENY_TERMS: 'Project Nightjar',
  STRONK_GATEWAY_DETECTION_WORKERS: '1',
  STRONK_GATEWAY_DETECTION_WORKER_LOAD: '0',
};
const baselineRedactor = createRedactorForConfig({ ...loadProxyConfig(ENV), detectionWorkers: 0 });

let upstream: FakeUpstream;
let proxy: RunningProxy;

beforeAll(async () => {
  preloadChineseSegmenter();
  upstream = await startFakeUpstream(replyingHandler(echoStrings));
  proxy = await startProxy(upstream, ENV);
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
  proxy.records.length = 0;
});

// --- how a value is compared -------------------------------------------------------------------------

const fold = (text: string): string => normalizeText(text).text;
/** Folded, without separators: a value split by spaces, dashes or dots still matches. */
const skeleton = (text: string): string => fold(text).replace(/[\s\-.()/+,:;_]+/g, '');

function contains(haystack: { folded: string; bare: string }, value: string): boolean {
  return haystack.folded.includes(fold(value)) || haystack.bare.includes(skeleton(value));
}
const indexOf = (text: string) => ({ folded: fold(text), bare: skeleton(text) });

// --- what each probe must do -----------------------------------------------------------------------

const baselineCache = new Map<string, boolean>();
/** Whether the same text written plainly gets the value masked: the bar for statistical types. */
function plainlyMasked(p: Placement): boolean {
  const { canary } = p.probe;
  const carrier = p.slot.bare
    ? canary.value
    : p.probe.variant === 'cjk_adjacent'
      ? canary.cjkSentence(canary.value)
      : canary.sentence(canary.value);
  let caught = baselineCache.get(carrier);
  if (caught === undefined) {
    caught = !contains(indexOf(baselineRedactor.maskText(carrier).text), canary.value);
    baselineCache.set(carrier, caught);
  }
  return caught;
}

/** The request must be refused before anything is sent upstream. */
const mustBlock = (p: Placement) =>
  isStrict(p) && (p.probe.canary.blocked || (p.slot.toolZone && p.probe.canary.definitive));
/** The value must be replaced by a placeholder in everything the upstream receives. */
const mustMask = (p: Placement) =>
  isStrict(p) &&
  !p.probe.canary.blocked &&
  !p.slot.toolZone &&
  (p.probe.canary.definitive || plainlyMasked(p));

// --- sending and reading ---------------------------------------------------------------------------

interface Outcome {
  /** 200, or the refusal status. */
  status: number;
  /** The assistant text the caller got (when not refused). */
  reply: string;
  /** Everything the caller got back, for the "no value in an error" check. */
  raw: string;
  errorCode?: string;
}

const ROUTE_OF: Record<Exclude<Surface, 'websocket'>, RouteName> = {
  chat: 'chat',
  responses: 'responses',
  anthropic: 'anthropic',
};

function jsonReply(route: RouteName, body: AnyJson): string {
  if (route === 'chat') return body.choices[0].message.content;
  if (route === 'responses') return body.output[0].content[0].text;
  return body.content[0].text;
}

async function sendHttp(fuzzCase: FuzzCase): Promise<Outcome> {
  const route = ROUTE_OF[fuzzCase.surface as Exclude<Surface, 'websocket'>];
  const response = await fetch(`${proxy.url}${ROUTES[route].path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-key' },
    body: fuzzCase.wire,
  });
  const text = await response.text();
  if (response.status !== 200) {
    const body = JSON.parse(text) as AnyJson;
    return { status: response.status, reply: '', raw: text, errorCode: body.error?.code ?? body.error?.type };
  }
  const reply = fuzzCase.stream ? streamedText(route, text) : jsonReply(route, JSON.parse(text));
  return { status: 200, reply, raw: text };
}

async function sendWebsocket(fuzzCase: FuzzCase): Promise<Outcome> {
  const socket = await openSocket(proxy.url);
  try {
    socket.send(fuzzCase.wire);
    const events = await socket.turn(10_000);
    const raw = JSON.stringify(events);
    const last = events.at(-1) as AnyJson;
    if (last.type === 'error') return { status: last.status, reply: '', raw, errorCode: last.error?.code };
    const done = events.find((e) => e.type === 'response.output_text.done') as AnyJson;
    const reply = deltaText(events);
    expect(done?.text === reply, 'the done event carries the same restored text as the deltas').toBe(true);
    return { status: 200, reply, raw };
  } finally {
    socket.ws.terminate();
  }
}

// --- the property ---------------------------------------------------------------------------------

async function checkCase(fuzzCase: FuzzCase): Promise<void> {
  upstream.requests.length = 0;
  proxy.records.length = 0;
  const outcome = fuzzCase.surface === 'websocket' ? await sendWebsocket(fuzzCase) : await sendHttp(fuzzCase);
  const placements = fuzzCase.placements;

  expect([200, 400], `status ${outcome.status} ${outcome.errorCode ?? ''}`).toContain(outcome.status);
  const everyValue = placements.flatMap((p) => [p.probe.canary.value, p.probe.written]);
  const telemetry = indexOf(JSON.stringify(proxy.records));
  for (const p of placements) {
    expect(contains(telemetry, p.probe.canary.value), `${label(p)}: a value in a request record`).toBe(false);
  }

  if (outcome.status === 400) {
    expect(['sensitive_content_blocked', 'sensitive_tool_definition', 'invalid_request_error']).toContain(
      outcome.errorCode,
    );
    expect(upstream.requests.length, 'a refused request reached the upstream').toBe(0);
    const answer = indexOf(outcome.raw);
    for (const value of everyValue)
      expect(contains(answer, value), 'a value in the error answer').toBe(false);
    return;
  }

  for (const p of placements)
    expect(mustBlock(p), `${label(p)} was forwarded instead of refused`).toBe(false);
  expect(upstream.requests.length).toBe(1);

  // Text forwarded raw by design (statistical misses, tool definitions, out-of-reach variants) may repeat a
  // value masked elsewhere; such a value is not counted as a leak of the masked copy.
  const rawByDesign = indexOf(
    placements
      .filter((p) => !mustMask(p))
      .flatMap((p) => p.probe.texts)
      .join('\n'),
  );
  const seen = indexOf(upstreamView(upstream));
  for (const p of placements) {
    if (!mustMask(p) || contains(rawByDesign, p.probe.canary.value)) continue;
    const leaked = contains(seen, p.probe.canary.value) || contains(seen, p.probe.written);
    expect(leaked, `${label(p)} reached the upstream unmasked`).toBe(false);
  }

  const sent = fuzzCase.surface === 'websocket' ? { ...fuzzCase.body, stream: true } : fuzzCase.body;
  expect(outcome.reply === echoStrings(sent), 'the caller got back exactly the original text').toBe(true);
}

describe('canaries', () => {
  it("are valid for their type (checked with the detectors' own checksum code, a second implementation)", () => {
    const sample = (type: CanaryType) => fc.sample(CANARY_KINDS[type].arbitrary, { numRuns: 200 });
    for (const card of sample('credit_card')) expect(luhnValid(card.replace(/\D/g, ''))).toBe(true);
    for (const iban of sample('iban')) expect(ibanMod97Valid(iban.replace(/ /g, ''))).toBe(true);
    for (const id of sample('cn_resident_id')) expect(gb11643CheckChar(id.slice(0, 17))).toBe(id[17]);
    for (const ssn of sample('us_ssn')) {
      const [area, group, serial] = ssn.split(/[- ]/);
      expect(
        area !== '000' && area !== '666' && !area!.startsWith('9') && group !== '00' && serial !== '0000',
      ).toBe(true);
    }
    for (const ip of sample('ipv4')) expect(ip.split('.').every((o) => Number(o) <= 255)).toBe(true);
    for (const type of CANARY_TYPES) expect(new Set(sample(type)).size, type).toBeGreaterThan(1);
  });
});

describe('leak fuzzing through the proxy (fast-check)', () => {
  it.each<Surface>(['chat', 'responses', 'anthropic', 'websocket'])(
    '%s: no canary reaches the upstream, blocked requests send nothing, replies come back intact',
    async (surface) => {
      await fc.assert(fc.asyncProperty(caseArbitrary(surface), checkCase), PARAMS);
    },
    Math.max(120_000, RUNS * 250),
  );
});
