import { rehydrateDeep } from './deep-rehydrate.ts';
import {
  type EventRehydrator,
  type EventRehydratorContext,
  isRecord,
  jsonFrame,
} from './event-rehydrator.ts';
import type { SseFrame } from './sse-frame.ts';

/** `<kind>.delta` events whose `delta` field is streamed text, and the `.done` events that end them. */
const TEXT_DELTAS: Record<string, { done: string; jsonText: boolean; toolArguments: boolean }> = {
  'response.output_text.delta': { done: 'response.output_text.done', jsonText: false, toolArguments: false },
  'response.refusal.delta': { done: 'response.refusal.done', jsonText: false, toolArguments: false },
  'response.reasoning_text.delta': {
    done: 'response.reasoning_text.done',
    jsonText: false,
    toolArguments: false,
  },
  'response.reasoning_summary_text.delta': {
    done: 'response.reasoning_summary_text.done',
    jsonText: false,
    toolArguments: false,
  },
  'response.function_call_arguments.delta': {
    done: 'response.function_call_arguments.done',
    jsonText: true,
    toolArguments: true,
  },
  'response.custom_tool_call_input.delta': {
    done: 'response.custom_tool_call_input.done',
    jsonText: false,
    toolArguments: true,
  },
};
const DONE_TO_DELTA = new Map(Object.entries(TEXT_DELTAS).map(([delta, { done }]) => [done, delta]));

function channelOf(type: string, event: Record<string, unknown>): string {
  const kind = type.slice(0, type.lastIndexOf('.'));
  return [kind, event.output_index, event.content_index, event.summary_index, event.item_id].join('|');
}

/**
 * Responses API events. Every `*.delta` text field is a channel keyed by its event kind and indexes;
 * before the matching `*.done` event any held-back text is sent as one more delta. `.done` events and
 * whole objects (output items, the final `response.completed` body) are rehydrated in full.
 */
export function createOpenAiResponsesEventRehydrator({
  vault,
  channels,
  options,
}: EventRehydratorContext): EventRehydrator {
  const lastDelta = new Map<string, Record<string, unknown>>();

  return {
    onEvent(frame, event) {
      if (!isRecord(event) || typeof event.type !== 'string') {
        return [{ ...frame, data: JSON.stringify(rehydrateDeep(event, vault, options)) }];
      }
      const type = event.type;
      const deltaSpec = TEXT_DELTAS[type];
      if (deltaSpec) {
        if (deltaSpec.toolArguments && !options.rehydrateToolArguments) return [frame];
        if (typeof event.delta === 'string') {
          const channel = channelOf(type, event);
          event.delta = channels.push(channel, event.delta, { jsonEscape: deltaSpec.jsonText });
          lastDelta.set(channel, event);
        }
        return [{ ...frame, data: JSON.stringify(event) }];
      }
      const frames: SseFrame[] = [];
      const deltaType = DONE_TO_DELTA.get(type);
      if (deltaType) {
        const channel = channelOf(deltaType, event);
        const rest = channels.flush(channel);
        const template = lastDelta.get(channel);
        lastDelta.delete(channel);
        if (rest && template) frames.push(jsonFrame(deltaType, { ...template, delta: rest }));
      }
      frames.push({ ...frame, data: JSON.stringify(rehydrateDeep(event, vault, options)) });
      return frames;
    },
    onEnd() {
      const frames: SseFrame[] = [];
      for (const [channel, template] of lastDelta) {
        const rest = channels.flush(channel);
        if (rest) frames.push(jsonFrame(String(template.type), { ...template, delta: rest }));
      }
      lastDelta.clear();
      return frames;
    },
  };
}
