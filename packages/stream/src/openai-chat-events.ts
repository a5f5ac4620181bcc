import { rehydrateDeep } from './deep-rehydrate.ts';
import {
  type EventRehydrator,
  type EventRehydratorContext,
  isRecord,
  type JsonRecord,
} from './event-rehydrator.ts';
import type { SseFrame } from './sse-frame.ts';

/**
 * Chat completions chunks: `choices[i].delta.content` / `.refusal` are text channels per choice;
 * `delta.tool_calls[j].function.arguments` is a JSON-text channel per tool call (rehydrated only when
 * enabled). Held-back text is flushed into the chunk that carries the choice's `finish_reason`.
 */
export function createOpenAiChatEventRehydrator({
  vault,
  channels,
  options,
}: EventRehydratorContext): EventRehydrator {
  let template: JsonRecord | undefined;

  function rehydrateChoice(choice: JsonRecord): void {
    const index = String(choice.index ?? 0);
    const delta = isRecord(choice.delta) ? choice.delta : undefined;
    if (delta) {
      for (const field of ['content', 'refusal', 'reasoning_content'] as const) {
        const text = delta[field];
        if (typeof text === 'string') delta[field] = channels.push(`${index}.${field}`, text);
      }
      if (Array.isArray(delta.tool_calls) && options.rehydrateToolArguments) {
        for (const call of delta.tool_calls) {
          if (!isRecord(call) || !isRecord(call.function)) continue;
          const args = call.function.arguments;
          if (typeof args === 'string') {
            call.function.arguments = channels.push(`${index}.tool.${String(call.index ?? 0)}`, args, {
              jsonEscape: true,
            });
          }
        }
      }
    }
    if (choice.finish_reason != null) flushChoiceInto(choice, index);
  }

  function flushChoiceInto(choice: JsonRecord, index: string): void {
    const flushed = channels.flushPrefix(`${index}.`);
    if (flushed.length === 0) return;
    const delta: JsonRecord = isRecord(choice.delta) ? choice.delta : {};
    choice.delta = delta;
    for (const [channel, text] of flushed) {
      const field = channel.slice(index.length + 1);
      if (field.startsWith('tool.')) {
        const calls = Array.isArray(delta.tool_calls) ? delta.tool_calls : [];
        calls.push({ index: Number(field.slice(5)), function: { arguments: text } });
        delta.tool_calls = calls;
      } else {
        delta[field] = `${typeof delta[field] === 'string' ? delta[field] : ''}${text}`;
      }
    }
  }

  return {
    onEvent(frame, event) {
      if (!isRecord(event) || !Array.isArray(event.choices)) {
        return [{ ...frame, data: JSON.stringify(rehydrateDeep(event, vault, options)) }];
      }
      template = { id: event.id, object: event.object, created: event.created, model: event.model };
      for (const choice of event.choices) if (isRecord(choice)) rehydrateChoice(choice);
      return [{ ...frame, data: JSON.stringify(event) }];
    },
    onEnd() {
      const frames: SseFrame[] = [];
      const pending = channels.flushPrefix('');
      const byChoice = new Map<string, JsonRecord>();
      for (const [channel, text] of pending) {
        const [index = '0', ...rest] = channel.split('.');
        const field = rest.join('.');
        const choice = byChoice.get(index) ?? { index: Number(index), delta: {}, finish_reason: null };
        byChoice.set(index, choice);
        const delta = choice.delta as JsonRecord;
        if (field.startsWith('tool.')) {
          delta.tool_calls = [{ index: Number(field.slice(5)), function: { arguments: text } }];
        } else {
          delta[field] = text;
        }
      }
      for (const choice of byChoice.values()) {
        frames.push({ data: JSON.stringify({ ...template, choices: [choice] }) });
      }
      return frames;
    },
  };
}
