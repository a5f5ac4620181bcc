import type { ErrorDetails, ProviderRouteSpec, ProviderSpec } from '@stronk/providers';
import {
  type FindingReport,
  type MaskPayloadResult,
  PayloadTooDeepError,
  type Redactor,
  type Vault,
} from '@stronk/redaction';
import type { ProxyConfig } from './config.ts';
import type { RequestRecord } from './request-record.ts';
import { toolEntry, valueFreePath } from './value-free-paths.ts';

export type MaskedPayload = MaskPayloadResult<Record<string, unknown>> & { vault: Vault };

/** Where a masked request goes, or the provider-shaped refusal with its audit class. */
export type MaskDecision =
  | { kind: 'forward'; masked: MaskedPayload }
  | { kind: 'route_local'; masked: MaskedPayload; localBaseUrl: URL }
  | {
      kind: 'refuse';
      details: ErrorDetails;
      errorClass: string;
      outcome: RequestRecord['outcome'];
      masked?: MaskedPayload;
    };

function countBy(
  reports: readonly FindingReport[],
  key: (r: FindingReport) => string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const report of reports) out[key(report)] = (out[key(report)] ?? 0) + 1;
  return out;
}

/** The value-free telemetry of a masking pass: counts per type and per action, and the touched JSON paths. */
export function recordFindings(
  record: RequestRecord,
  masked: MaskedPayload,
  redactor: Pick<Redactor, 'detect'>,
): void {
  record.countsByType = countBy(masked.findings, (f) => f.type);
  record.countsByAction = countBy(masked.findings, (f) => f.action);
  // Paths quote object keys, and a key can be the value itself.
  record.touchedPaths = [...new Set(masked.touchedPaths.map((p) => valueFreePath(p, redactor)))];
}

/**
 * Masks one request body with the route's PayloadSpec and applies the policy: sensitive tool definitions
 * and `block` refuse, `route_local` needs a configured local upstream. Same rules as the HTTP routes;
 * shared so the websocket bridge cannot drift from them.
 */
export async function maskAndDecide(
  deps: { config: ProxyConfig; redactor: Redactor },
  provider: ProviderSpec,
  route: ProviderRouteSpec,
  payload: Record<string, unknown>,
  vault?: Vault,
): Promise<MaskDecision> {
  let masked: MaskedPayload;
  try {
    masked = await deps.redactor.maskPayloadAsync(payload, route.request, vault ? { vault } : {});
  } catch (error) {
    if (error instanceof PayloadTooDeepError) {
      return {
        kind: 'refuse',
        details: {
          status: 400,
          message: `Request JSON nests deeper than ${error.maxDepth} levels.`,
          code: 'invalid_json',
        },
        errorClass: 'too_deep',
        outcome: 'rejected',
      };
    }
    throw error;
  }
  if (masked.rejectedPaths.length > 0) {
    return {
      kind: 'refuse',
      details: {
        status: 400,
        message: `Tool or schema definitions contain sensitive content and were not forwarded (${[...new Set(masked.rejectedPaths.map(toolEntry))].join(', ')}).`,
        code: 'sensitive_tool_definition',
      },
      errorClass: 'sensitive_tool_definition',
      outcome: 'blocked',
      masked,
    };
  }
  const decision = masked.decision;
  if (decision.action === 'block') {
    return {
      kind: 'refuse',
      details: {
        status: 400,
        message: `Request blocked: it contains sensitive content of type ${decision.typesByAction.block.join(', ')}.`,
        code: 'sensitive_content_blocked',
      },
      errorClass: 'sensitive_content_blocked',
      outcome: 'blocked',
      masked,
    };
  }
  if (decision.action === 'route_local') {
    const local = deps.config.localUpstreams[provider.id];
    if (!local) {
      return {
        kind: 'refuse',
        details: {
          status: 503,
          message: `Request needs a local model (${decision.typesByAction.route_local.join(', ')}), but none is configured.`,
          code: 'route_local_unavailable',
          type: provider.id === 'anthropic' ? 'api_error' : 'server_error',
        },
        errorClass: 'route_local_unavailable',
        outcome: 'route_local',
        masked,
      };
    }
    return { kind: 'route_local', masked, localBaseUrl: local };
  }
  return { kind: 'forward', masked };
}
