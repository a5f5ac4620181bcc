/**
 * The HTTP comparison behind W1–W3: the same prepared requests sent to the fake provider directly, through
 * the bare passthrough and through the proxy, in interleaved rounds (so a burst of background load hits all
 * three alike), every answer checked: status 200 and exactly the original text back.
 */
import type { HttpClient } from '../harness/http-client.ts';
import { closedLoop, errorCount, type LoadRun, mergeRuns, type Task } from '../harness/load-loops.ts';
import type { Service } from '../harness/services.ts';
import type { Conversation, Surface } from '../traffic/surfaces.ts';
import {
  expectedReply,
  jsonReply,
  providerPath,
  proxyPath,
  requestBody,
  requestHeaders,
  streamReply,
} from '../traffic/surfaces.ts';
import type { BenchSettings } from './workload.ts';

/** Concurrent clients of the closed-loop HTTP workloads. */
export const HTTP_CONCURRENCY = 16;

/**
 * Distinct requests per HTTP workload. A full run's pool holds more distinct texts (three per request) than the
 * proxy's detection cache (20,000), so even wrapping around it never hits the cache; a quick run uses a smaller
 * pool to start sooner (it may wrap into a few cache hits: its numbers are not for comparison anyway).
 */
export function requestPoolSize(settings: BenchSettings): number {
  return settings.quick ? 3000 : 8000;
}

export interface HttpTarget {
  key: 'direct' | 'bare' | 'proxy';
  label: string;
  port: number;
}

export function httpTargets(provider: Service, bare: Service, proxy: Service): HttpTarget[] {
  return [
    { key: 'direct', label: 'direct', port: provider.port },
    { key: 'bare', label: 'bare passthrough', port: bare.port },
    { key: 'proxy', label: 'stronk proxy', port: proxy.port },
  ];
}

export function pathOn(target: HttpTarget, surface: Surface): string {
  return target.key === 'direct' ? providerPath(surface) : proxyPath(surface);
}

export interface PreparedRequest {
  surface: Surface;
  stream: boolean;
  body: string;
  expected: string;
}

export function prepareRequest(
  surface: Surface,
  conversation: Conversation,
  stream: boolean,
): PreparedRequest {
  return {
    surface,
    stream,
    body: requestBody(surface, conversation, { stream }),
    expected: expectedReply(conversation.user),
  };
}

/** The error class of a non-200 answer: status and the provider-shaped error code, never the message. */
function httpError(status: number, body: string): string {
  try {
    const error = (JSON.parse(body) as { error?: { code?: unknown; type?: unknown } }).error;
    const code = error?.code ?? error?.type;
    return typeof code === 'string' && /^[\w.-]{1,60}$/.test(code)
      ? `HTTP ${status} ${code}`
      : `HTTP ${status}`;
  } catch {
    return `HTTP ${status}`;
  }
}

/** Sends one prepared request and checks the answer. */
export async function sendChecked(client: HttpClient, target: HttpTarget, request: PreparedRequest) {
  const answer = await client.post(
    target.port,
    pathOn(target, request.surface),
    requestHeaders(request.surface),
    request.body,
  );
  if (answer.status !== 200)
    return { ok: false, totalMs: answer.totalMs, error: httpError(answer.status, answer.body) };
  const reply = request.stream
    ? streamReply(request.surface, answer.body)
    : jsonReply(request.surface, answer.body);
  if (reply.error !== undefined) return { ok: false, totalMs: answer.totalMs, error: reply.error };
  if (reply.text !== request.expected) return { ok: false, totalMs: answer.totalMs, error: 'wrong_reply' };
  return { ok: true, totalMs: answer.totalMs, ttfbMs: answer.ttfbMs };
}

export interface ComparisonOptions {
  client: HttpClient;
  targets: readonly HttpTarget[];
  /**
   * Distinct requests, used in order by each target (each continues where it stopped). A pool whose
   * distinct texts outnumber the proxy's detection cache (20,000 texts) never produces cache hits, even when
   * it wraps around, because the least recently used text is always the one evicted.
   */
  requests: readonly PreparedRequest[];
  concurrency: number;
  warmupMs: number;
  roundMs: number;
  rounds: number;
  onRound?: (round: number, target: HttpTarget) => void;
}

export interface Comparison {
  /** The measured rounds of each target, merged. */
  runs: Map<HttpTarget['key'], LoadRun>;
  /** Requests sent to each target, warm-up included. */
  sent: Map<HttpTarget['key'], number>;
}

export async function compareTargets(options: ComparisonOptions): Promise<Comparison> {
  const cursors = new Map(options.targets.map((t) => [t.key, 0]));
  const taskFor =
    (target: HttpTarget): Task =>
    (i) =>
      sendChecked(options.client, target, options.requests[i % options.requests.length]!);
  const run = async (target: HttpTarget, durationMs: number) => {
    const result = await closedLoop({
      concurrency: options.concurrency,
      durationMs,
      task: taskFor(target),
      firstIndex: cursors.get(target.key)!,
    });
    cursors.set(target.key, cursors.get(target.key)! + result.ok + errorCount(result));
    return result;
  };
  for (const target of options.targets) await run(target, options.warmupMs);
  const runs = new Map<HttpTarget['key'], LoadRun[]>(options.targets.map((t) => [t.key, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const target of options.targets) {
      options.onRound?.(round, target);
      runs.get(target.key)!.push(await run(target, options.roundMs));
    }
  }
  return { runs: new Map([...runs].map(([key, list]) => [key, mergeRuns(list)])), sent: cursors };
}
