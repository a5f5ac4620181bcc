import type { Vault } from '@stronk/vault';

export interface BodyRehydrationOptions {
  /** Restore placeholders inside tool-call arguments too (JSON-escape-aware). Default false. */
  rehydrateToolArguments?: boolean;
  /**
   * Counts every minted placeholder met, restored or (tool arguments) left masked: the same number
   * `countPlaceholdersDeep` gives, in the same walk.
   */
  stats?: { restored: number };
}

const TOOL_CALL_TYPES = new Set(['tool_use', 'server_tool_use', 'function_call', 'custom_tool_call']);

/**
 * Tool-call arguments stay masked by default: the caller's code, not a person, consumes them. They live
 * in `arguments` (OpenAI, a JSON string), `partial_json` (Anthropic stream deltas, JSON text) and the
 * `input` of a tool-use block (Anthropic, an object; Responses custom tools, a string).
 */
export function isToolArgumentField(parent: Record<string, unknown>, key: string): boolean {
  if (key === 'arguments' || key === 'partial_json') return true;
  return key === 'input' && typeof parent.type === 'string' && TOOL_CALL_TYPES.has(parent.type);
}

/** Field names whose strings are JSON text, so restored values must be JSON-escaped. */
function isJsonTextField(key: string): boolean {
  return key === 'arguments' || key === 'partial_json';
}

/** Returns a copy of `value` with minted placeholders restored in every string, tool arguments aside. */
export function rehydrateDeep(value: unknown, vault: Vault, options: BodyRehydrationOptions = {}): unknown {
  if (vault.size === 0) return value;
  const stats = options.stats ? { stats: options.stats } : {};
  const visit = (node: unknown, jsonText: boolean): unknown => {
    if (typeof node === 'string') return vault.rehydrate(node, { jsonEscape: jsonText, ...stats });
    if (Array.isArray(node)) return node.map((item) => visit(item, jsonText));
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(record)) {
      if (isToolArgumentField(record, key)) {
        if (options.rehydrateToolArguments) out[key] = visit(child, isJsonTextField(key));
        else {
          if (options.stats) options.stats.restored += countPlaceholdersDeep(child, vault);
          out[key] = child;
        }
      } else {
        out[key] = visit(child, jsonText);
      }
    }
    return out;
  };
  return visit(value, false);
}

/** Counts minted placeholders in every string of `value` (for telemetry). */
export function countPlaceholdersDeep(value: unknown, vault: Vault): number {
  if (vault.size === 0) return 0;
  if (typeof value === 'string') return vault.countPlaceholders(value);
  if (Array.isArray(value))
    return value.reduce<number>((n, item) => n + countPlaceholdersDeep(item, vault), 0);
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  for (const child of Object.values(value)) n += countPlaceholdersDeep(child, vault);
  return n;
}
