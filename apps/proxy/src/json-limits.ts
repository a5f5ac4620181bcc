/** With the `u` flag a surrogate range only matches code units that are not part of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why a parsed request body is refused before any masking work is spent on it. */
export type JsonShapeProblem = 'too_deep' | 'too_many_values' | 'lone_surrogate';

export interface JsonShapeLimits {
  /** Deepest nesting accepted (the root is depth 0), the same count the redactor uses. */
  maxDepth: number;
  /** Most values (objects, arrays, strings, numbers …) in the whole document. */
  maxValues: number;
}

/**
 * Walks a parsed JSON value without recursion and reports the first problem: nesting past the limit,
 * more values than the limit (huge arrays would otherwise hold the event loop for seconds while they
 * are scanned), or a string or key that is not well-formed UTF-16 (a lone surrogate has no UTF-8 form).
 */
export function inspectJson(root: unknown, limits: JsonShapeLimits): JsonShapeProblem | undefined {
  const stack: Array<[unknown, number]> = [[root, 0]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > limits.maxDepth) return 'too_deep';
    if (++values > limits.maxValues) return 'too_many_values';
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
    } else if (Array.isArray(value)) {
      if (values + value.length > limits.maxValues) return 'too_many_values';
      for (const item of value) stack.push([item, depth + 1]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) return 'lone_surrogate';
        stack.push([child, depth + 1]);
      }
    }
  }
  return undefined;
}
