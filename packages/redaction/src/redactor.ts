import {
  builtinDetectors,
  createDetectionEngine,
  createDetectionPool,
  type DetectionEngine,
  type Detector,
  type EntityType,
  eventLoopLoad,
  type Finding,
  type Language,
} from '@stronk/detectors';
import {
  type Action,
  createPolicy,
  type Policy,
  type PolicyConfig,
  type PolicyDecision,
} from '@stronk/policy';
import { createVault, type RehydrateOptions, StreamRehydrator, type Vault } from '@stronk/vault';
import { collectDetectableTexts } from './detectable-texts.ts';
import { compilePathPatterns, formatJsonPath } from './json-path.ts';
import { BASE64_MEDIA, BOUNDED_TOKEN, ownDomainMatcher, type PayloadSpec } from './payload-spec.ts';

export interface RedactorConfig {
  /** Action per type; unspecified types use the defaults (secrets block, everything else masks). */
  policy?: PolicyConfig;
  /** Always masked, as type `custom`. */
  denyTerms?: readonly string[];
  /** Never masked. */
  allowTerms?: readonly string[];
  /** Extra detectors (for example a local NER model) that run beside the built-in ones. */
  detectors?: readonly Detector[];
  /** Set false to run only `detectors`. Default true. */
  builtinDetectors?: boolean;
  /** Repeat-text cache entries (0 disables). Default 20,000. */
  cacheEntries?: number;
  /** Deepest JSON nesting maskPayload accepts. Default 64. */
  maxDepth?: number;
  /**
   * Worker threads for detection (default 0: none). With workers, `maskPayloadAsync` and `maskTextAsync`
   * detect text not seen before off the calling thread, so an event loop serving requests stays free and
   * several cores share the work. Only with the built-in detectors: `detectors` must be empty.
   */
  detectionWorkers?: number;
  /**
   * With workers: the event-loop utilization (0–1, over the last 50 ms) from which new text goes to them.
   * Below it, text is detected on the calling thread, which answers a lightly loaded server faster than
   * waking a worker. Default 0.3; 0 always uses the workers.
   */
  workerLoadThreshold?: number;
  /**
   * Run the detectors over built-in synthetic texts once on every detecting thread (this one during
   * `ready()`, each worker before it reports ready), so the first requests do not pay for JIT compilation:
   * without it, the first few hundred new messages take 2–15 ms more each. Costs 0.4–1 s per
   * thread at start. Default false.
   */
  warmUp?: boolean;
}

/** What was found, where, and what happens to it. Deliberately carries no raw value. */
export interface FindingReport {
  type: EntityType;
  action: Action;
  detector: string;
  /** JSON path of the string (`$` for maskText without a path); `key` is set when the finding is in an object key. */
  path: string;
  key?: true;
  /** UTF-16 offsets in the original string. */
  start: number;
  end: number;
}

export interface MaskTextResult {
  text: string;
  findings: FindingReport[];
  decision: PolicyDecision;
}

export interface MaskPayloadResult<T> {
  payload: T;
  findings: FindingReport[];
  decision: PolicyDecision;
  /** Paths under `rejectIfSensitive` that held something sensitive; non-empty means do not forward. */
  rejectedPaths: string[];
  /** Distinct JSON paths where something was found (paths only, for audit). */
  touchedPaths: string[];
}

export interface MaskOptions {
  /** Scope for placeholders; pass the same vault to keep placeholders stable across calls. */
  vault?: Vault;
  lang?: Language;
}

const DEFINITIVE_TYPES: ReadonlySet<EntityType> = new Set<EntityType>([
  'api_key',
  'bearer_token',
  'jwt',
  'private_key',
  'url_credentials',
  'email',
  'credit_card',
  'iban',
  'us_ssn',
  'cn_resident_id',
  'ip_address',
  'custom',
]);

/**
 * Findings that are not a judgement call: secrets, checksum- or format-validated identifiers, deny terms,
 * and phone numbers a numbering plan confirms (score ≥ 0.8). Names, organizations, addresses and bare
 * phone shapes are contextual.
 */
export function isDefinitiveFinding(finding: Pick<Finding, 'type' | 'score'>): boolean {
  return DEFINITIVE_TYPES.has(finding.type) || (finding.type === 'phone' && finding.score >= 0.8);
}

export class PayloadTooDeepError extends Error {
  constructor(readonly maxDepth: number) {
    super(`JSON payload nests deeper than ${maxDepth} levels`);
    this.name = 'PayloadTooDeepError';
  }
}

export interface Redactor {
  readonly policy: Policy;
  readonly engine: DetectionEngine;
  createVault(): Vault;
  /** Raw findings with offsets and types (no policy applied). */
  detect(text: string, options?: { lang?: Language }): readonly Finding[];
  maskText(text: string, options?: MaskOptions): MaskTextResult & { vault: Vault };
  maskPayload<T>(
    payload: T,
    spec?: PayloadSpec,
    options?: MaskOptions,
  ): MaskPayloadResult<T> & { vault: Vault };
  /** `maskText`, with new text detected on the worker threads when there are any. */
  maskTextAsync(text: string, options?: MaskOptions): Promise<MaskTextResult & { vault: Vault }>;
  /** `maskPayload`, with new text detected on the worker threads when there are any. */
  maskPayloadAsync<T>(
    payload: T,
    spec?: PayloadSpec,
    options?: MaskOptions,
  ): Promise<MaskPayloadResult<T> & { vault: Vault }>;
  rehydrate(text: string, vault: Vault, options?: RehydrateOptions): string;
  createStreamRehydrator(vault: Vault, options?: RehydrateOptions): StreamRehydrator;
  /** Resolves once the detection workers (if any) have loaded their detectors. */
  ready(): Promise<void>;
  /** Batches sent to detection workers and how many failed (then detected on this thread). */
  workerStats(): { workers: number; batches: number; failures: number; kept: number; restarts: number };
  /** Ends the detection workers; the redactor keeps working on the calling thread. */
  close(): Promise<void>;
}

export function createRedactor(config: RedactorConfig = {}): Redactor {
  const policy = createPolicy(config.policy);
  const detectors = [
    ...(config.builtinDetectors === false ? [] : builtinDetectors()),
    ...(config.detectors ?? []),
  ];
  const terms = { denyTerms: config.denyTerms ?? [], allowTerms: config.allowTerms ?? [] };
  const workers = config.detectionWorkers ?? 0;
  if (!Number.isInteger(workers) || workers < 0)
    throw new RangeError('detectionWorkers must be an integer ≥ 0');
  if (workers > 0 && (config.builtinDetectors === false || (config.detectors?.length ?? 0) > 0)) {
    // A worker can only rebuild the built-in set; custom detectors are code that cannot cross threads.
    throw new Error('detectionWorkers needs the built-in detectors alone (no custom `detectors`)');
  }
  const pool =
    workers > 0
      ? createDetectionPool({ size: workers, ...terms, warmUp: config.warmUp === true })
      : undefined;
  let warmedUp = false;
  const threshold = config.workerLoadThreshold ?? 0.3;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError('workerLoadThreshold must be from 0 to 1');
  const engine = createDetectionEngine({
    detectors,
    ...terms,
    ...(config.cacheEntries === undefined ? {} : { cacheEntries: config.cacheEntries }),
    ...(pool ? { offload: pool, offloadWhen: offloadAbove(threshold) } : {}),
  });
  // Bounded tokens (ids, roles, keys) only count definitive findings: the detectors that can produce
  // one are enough there, and skipping names and addresses keeps thousands of ids per request cheap.
  const definitiveEngine = createDetectionEngine({
    detectors: detectors.filter((d) => d.types.some((t) => DEFINITIVE_TYPES.has(t) || t === 'phone')),
    ...terms,
    cacheEntries: 0,
  });
  const maxDepth = config.maxDepth ?? 64;

  /**
   * Strings under `rejectIfSensitive` paths (tool definitions) are never masked — that would silently change
   * the tool. A definitive finding there rejects the payload; a contextual one (a capitalized word read as a
   * name, a number range read as a phone) is reported as allowed and left alone, because tool schemas are full
   * of such words and rejecting on them would refuse every agent's requests.
   */
  function inspectRejectZone(
    found: readonly Finding[],
    path: string,
    reports: FindingReport[],
    isKey: boolean,
  ): boolean {
    let reject = false;
    for (const finding of found) {
      const action = isDefinitiveFinding(finding) ? policy.actionFor(finding.type) : 'allow';
      if (action !== 'allow') reject = true;
      reports.push(reportOf(finding, action, path, isKey));
    }
    return reject;
  }

  /**
   * Replaces the findings that are not `allow` with placeholders, appending reports; returns the masked
   * string. `path` is formatted only when there is something to report.
   */
  function applyFindings(
    text: string,
    found: readonly Finding[],
    vault: Vault,
    path: () => string,
    reports: FindingReport[],
    isKey: boolean,
  ): string {
    if (found.length === 0) return text;
    const formatted = path();
    let out = '';
    let cursor = 0;
    for (const finding of found) {
      const action = policy.actionFor(finding.type);
      reports.push(reportOf(finding, action, formatted, isKey));
      if (action === 'allow') continue;
      out +=
        text.slice(cursor, finding.start) +
        vault.placeholderFor(finding.type, text.slice(finding.start, finding.end));
      cursor = finding.end;
    }
    return out + text.slice(cursor);
  }

  /**
   * An object key that must not change (JSON-schema property names): never masked, but a definitive value
   * written there refuses the payload, like a tool definition.
   */
  function inspectOpaqueKey(found: readonly Finding[], path: string, reports: FindingReport[]): boolean {
    let reject = false;
    for (const finding of found) {
      const action = policy.actionFor(finding.type);
      if (action === 'allow') continue;
      reject = true;
      reports.push({
        type: finding.type,
        action,
        detector: finding.detector,
        path,
        key: true,
        start: finding.start,
        end: finding.end,
      });
    }
    return reject;
  }

  return {
    policy,
    engine,
    createVault: () => createVault(),
    detect: (text, options) => engine.detect(text, options),
    maskText: (text, options = {}) => maskTextWith(text, options, engine.detect(text, langOf(options))),
    async maskTextAsync(text, options = {}) {
      const [found] = await engine.detectMany([text], langOf(options));
      return maskTextWith(text, options, found!);
    },
    maskPayload: (payload, spec = {}, options = {}) => maskPayloadWith(payload, spec, options, NOTHING_KNOWN),
    async maskPayloadAsync(payload, spec = {}, options = {}) {
      // Without workers, collecting the texts first would only walk the payload twice.
      if (!pool) return maskPayloadWith(payload, spec, options, NOTHING_KNOWN);
      const texts = [...collectDetectableTexts(payload, spec, maxDepth)];
      if (texts.length === 0) return maskPayloadWith(payload, spec, options, NOTHING_KNOWN);
      const found = await engine.detectMany(texts, langOf(options));
      return maskPayloadWith(payload, spec, options, new Map(texts.map((text, i) => [text, found[i]!])));
    },
    rehydrate: (text, vault, options) => vault.rehydrate(text, options),
    createStreamRehydrator: (vault, options) => new StreamRehydrator(vault, options),
    async ready() {
      // The workers warm up on their own threads meanwhile (they started with the pool).
      if (config.warmUp && !warmedUp) {
        warmedUp = true;
        engine.warmUp();
      }
      await pool?.ready();
    },
    workerStats: () => ({
      workers,
      ...engine.offloadStats(),
      restarts: pool?.stats().restarts ?? 0,
    }),
    close: async () => pool?.close(),
  };

  function maskTextWith(text: string, options: MaskOptions, found: readonly Finding[]) {
    const vault = options.vault ?? createVault();
    const findings: FindingReport[] = [];
    const masked = applyFindings(text, found, vault, () => '$', findings, false);
    return { text: masked, findings, decision: policy.decide(findings.map((f) => f.type)), vault };
  }

  /** The payload walk; `known` holds findings already detected (on worker threads) for some texts. */
  function maskPayloadWith<T>(
    payload: T,
    spec: PayloadSpec,
    options: MaskOptions,
    known: ReadonlyMap<string, readonly Finding[]>,
  ): MaskPayloadResult<T> & { vault: Vault } {
    // A lookup in an empty map still hashes the whole text (a 4 KB message is a few µs).
    const detectText = (text: string): readonly Finding[] =>
      (known.size > 0 ? known.get(text) : undefined) ?? engine.detect(text, langOf(options));
    const vault = options.vault ?? createVault();
    const isStructural = compilePathPatterns(spec.structural);
    const isRejectZone = compilePathPatterns(spec.rejectIfSensitive);
    const hasOpaqueKeys = compilePathPatterns(spec.opaqueKeys);
    const isBinary = compilePathPatterns(spec.binary);
    const isOwnAddress = ownDomainMatcher(spec.ownDomains);
    const ownNames = spec.ownNames?.length ? new Set(spec.ownNames.map((n) => n.toLowerCase())) : undefined;
    const isOwnName = (text: string, f: Finding): boolean =>
      ownNames !== undefined &&
      (f.type === 'person_name' || f.type === 'organization') &&
      f.end - f.start <= 32 &&
      ownNames.has(text.slice(f.start, f.end).toLowerCase());
    /**
     * Findings of a text, without the provider's own names (see PayloadSpec.ownNames). Runs for every string
     * of every request: the usual case (no own name among them) returns the cached array as it is.
     */
    const textFindings = (text: string): readonly Finding[] => {
      const found = detectText(text);
      return ownNames && found.some((f) => isOwnName(text, f))
        ? found.filter((f) => !isOwnName(text, f))
        : found;
    };
    /** Findings of a reject zone, also without the provider's own email addresses (PayloadSpec.ownDomains). */
    const foreignIn = (text: string): readonly Finding[] => {
      const found = textFindings(text);
      return spec.ownDomains
        ? found.filter((f) => !(f.type === 'email' && isOwnAddress(text.slice(f.start, f.end))))
        : found;
    };
    const findings: FindingReport[] = [];
    const rejected = new Set<string>();
    const lang = langOf(options);
    // Ids, roles, types and keys are bounded tokens that repeat across a payload: each distinct one is
    // read once per call (nothing outlives the call), and only definitive findings count there.
    const tokenFindings = new Map<string, readonly Finding[]>();
    const definitiveIn = (token: string): readonly Finding[] => {
      let found = tokenFindings.get(token);
      if (found === undefined) {
        found = definitiveEngine.detect(token, lang).filter(isDefinitiveFinding);
        tokenFindings.set(token, found);
      }
      return found;
    };

    const visit = (value: unknown, path: (string | number)[], depth: number): unknown => {
      if (depth > maxDepth) throw new PayloadTooDeepError(maxDepth);
      if (typeof value === 'string') {
        if (value.length >= 64 && isBinary(path) && BASE64_MEDIA.test(value)) return value;
        const formatted = () => formatJsonPath(path);
        if (isStructural(path) && BOUNDED_TOKEN.test(value)) {
          return applyFindings(value, definitiveIn(value), vault, formatted, findings, false);
        }
        if (isRejectZone(path)) {
          if (inspectRejectZone(foreignIn(value), formatted(), findings, false)) rejected.add(formatted());
          return value;
        }
        return applyFindings(value, textFindings(value), vault, formatted, findings, false);
      }
      if (Array.isArray(value)) return value.map((item, index) => visit(item, [...path, index], depth + 1));
      if (value !== null && typeof value === 'object') {
        const out: Record<string, unknown> = {};
        const scanKeys = !hasOpaqueKeys(path);
        for (const [key, child] of Object.entries(value)) {
          const childPath = [...path, key];
          const formatted = () => formatJsonPath(childPath);
          let outKey = key;
          if (!scanKeys) {
            const found = definitiveIn(key);
            if (found.length > 0 && inspectOpaqueKey(found, formatted(), findings)) rejected.add(formatted());
          } else if (isRejectZone(childPath)) {
            if (inspectRejectZone(foreignIn(key), formatted(), findings, true)) rejected.add(formatted());
          } else {
            const found = BOUNDED_TOKEN.test(key) ? definitiveIn(key) : detectText(key);
            outKey = applyFindings(key, found, vault, formatted, findings, true);
          }
          out[outKey] = visit(child, childPath, depth + 1);
        }
        return out;
      }
      return value;
    };

    const masked = visit(payload, [], 0) as T;
    const touched = [...new Set(findings.map((f) => f.path))];
    return {
      payload: masked,
      findings,
      // Findings left alone in reject zones do not count towards the decision.
      decision: policy.decide(
        findings
          .filter((f) => f.action !== 'allow' || policy.actionFor(f.type) === 'allow')
          .map((f) => f.type),
      ),
      rejectedPaths: [...rejected],
      touchedPaths: touched,
      vault,
    };
  }
}

/** Offload only while the event loop is at least `threshold` busy (0: always). */
function offloadAbove(threshold: number): () => boolean {
  if (threshold === 0) return () => true;
  const load = eventLoopLoad();
  return () => load() >= threshold;
}

/** Two literal shapes instead of a spread: the spread copies through a slow generic path per finding. */
function reportOf(finding: Finding, action: Action, path: string, isKey: boolean): FindingReport {
  const { type, detector, start, end } = finding;
  return isKey
    ? { type, action, detector, path, key: true, start, end }
    : { type, action, detector, path, start, end };
}

const NOTHING_KNOWN: ReadonlyMap<string, readonly Finding[]> = new Map();
const langOf = (options: MaskOptions) => (options.lang ? { lang: options.lang } : {});
