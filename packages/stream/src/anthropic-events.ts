import { rehydrateDeep } from './deep-rehydrate.ts';
import {
  type EventRehydrator,
  type EventRehydratorContext,
  isRecord,
  jsonFrame,
} from './event-rehydrator.ts';
import type { SseFrame } from './sse-frame.ts';

/** `content_block_delta` delta types that stream text, and the field holding it. */
const DELTA_FIELDS: Record<string, { field: string; jsonText: boolean; toolArguments: boolean }> = {
  text_delta: { field: 'text', jsonText: false, toolArguments: false },
  thinking_delta: { field: 'thinking', jsonText: false, toolArguments: false },
  input_json_delta: { field: 'partial_json', jsonText: true, toolArguments: true },
};

/**
 * Anthropic messages events: each content block index is a channel. Held-back text is sent as one more
 * `content_block_delta` right before that block's `content_block_stop`.
 */
export function createAnthropicEventRehydrator({
  vault,
  channels,
  options,
}: EventRehydratorContext): EventRehydrator {
  const deltaTypeByBlock = new Map<string, string>();

  function flushBlock(index: string): SseFrame[] {
    const deltaType = deltaTypeByBlock.get(index);
    deltaTypeByBlock.delete(index);
    const rest = channels.flush(index);
    if (!rest || !deltaType) return [];
    const field = DELTA_FIELDS[deltaType]!.field;
    return [
      jsonFrame('content_block_delta', {
        type: 'content_block_delta',
        index: Number(index),
        delta: { type: deltaType, [field]: rest },
      }),
    ];
  }

  return {
    onEvent(frame, event) {
      if (!isRecord(event)) return [frame];
      if (event.type === 'content_block_delta' && isRecord(event.delta)) {
        const spec = DELTA_FIELDS[String(event.delta.type)];
        if (!spec) return [{ ...frame, data: JSON.stringify(rehydrateDeep(event, vault, options)) }];
        if (spec.toolArguments && !options.rehydrateToolArguments) return [frame];
        const text = event.delta[spec.field];
        if (typeof text === 'string') {
          const index = String(event.index ?? 0);
          deltaTypeByBlock.set(index, String(event.delta.type));
          event.delta[spec.field] = channels.push(index, text, { jsonEscape: spec.jsonText });
        }
        return [{ ...frame, data: JSON.stringify(event) }];
      }
      if (event.type === 'content_block_stop') {
        return [...flushBlock(String(event.index ?? 0)), frame];
      }
      return [{ ...frame, data: JSON.stringify(rehydrateDeep(event, vault, options)) }];
    },
    onEnd() {
      return [...deltaTypeByBlock.keys()].flatMap(flushBlock);
    },
  };
}
