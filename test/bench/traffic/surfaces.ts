/**
 * The three provider surfaces as data: where a request goes, what its body looks like, how to read the
 * assistant's text back out of a JSON answer or an SSE stream. The fake provider echoes the last user text
 * ("You said: …"), so the text a client reads back must equal `expectedReply` exactly — through the proxy
 * that means every placeholder was rehydrated to its original value.
 */

export type Surface = 'chat' | 'responses' | 'anthropic';
export const SURFACES: readonly Surface[] = ['chat', 'responses', 'anthropic'];

export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

export interface Conversation {
  system: string;
  history: readonly Turn[];
  /** The new user message; the fake provider answers `You said: <user>`. */
  user: string;
}

/** Path on the proxy and on the bare passthrough. */
export function proxyPath(surface: Surface): string {
  return { chat: '/v1/chat/completions', responses: '/v1/responses', anthropic: '/anthropic/v1/messages' }[
    surface
  ];
}

/** Path on the fake provider itself (the "direct" baseline). */
export function providerPath(surface: Surface): string {
  return { chat: '/v1/chat/completions', responses: '/v1/responses', anthropic: '/v1/messages' }[surface];
}

export function requestHeaders(surface: Surface): Record<string, string> {
  return surface === 'anthropic'
    ? { 'content-type': 'application/json', 'x-api-key': 'bench-key', 'anthropic-version': '2023-06-01' }
    : { 'content-type': 'application/json', authorization: 'Bearer bench-key' };
}

export interface BodyOptions {
  stream: boolean;
  model?: string;
}

/** A Responses `input` list for a conversation's history and new user text. */
export function responsesInput(history: readonly Turn[], user: string): unknown[] {
  return [
    ...history.map((turn) =>
      turn.role === 'user'
        ? { type: 'message', role: 'user', content: [{ type: 'input_text', text: turn.text }] }
        : { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: turn.text }] },
    ),
    { type: 'message', role: 'user', content: [{ type: 'input_text', text: user }] },
  ];
}

export function requestBody(surface: Surface, conversation: Conversation, options: BodyOptions): string {
  const model = options.model ?? 'bench-model';
  const turns = [...conversation.history, { role: 'user' as const, text: conversation.user }];
  switch (surface) {
    case 'chat':
      return JSON.stringify({
        model,
        stream: options.stream,
        messages: [
          { role: 'system', content: conversation.system },
          ...turns.map((t) => ({ role: t.role, content: t.text })),
        ],
      });
    case 'responses':
      return JSON.stringify({
        model,
        stream: options.stream,
        instructions: conversation.system,
        input: responsesInput(conversation.history, conversation.user),
      });
    case 'anthropic':
      return JSON.stringify({
        model,
        stream: options.stream,
        max_tokens: 1024,
        system: conversation.system,
        messages: turns.map((t) => ({ role: t.role, content: t.text })),
      });
  }
}

export function expectedReply(user: string): string {
  return `You said: ${user}`;
}

export interface Reply {
  text: string;
  /** Set when the answer carried an error (error object, error event) instead of, or after, text. */
  error?: string;
}

type Json = Record<string, unknown>;

function errorCode(value: unknown): string {
  const error = (value as { error?: { code?: unknown; type?: unknown } }).error;
  return String(error?.code ?? error?.type ?? 'error');
}

/** Assistant text of a non-streamed answer. */
export function jsonReply(surface: Surface, body: string): Reply {
  let parsed: Json;
  try {
    parsed = JSON.parse(body) as Json;
  } catch {
    return { text: '', error: 'invalid_json' };
  }
  if (parsed.error) return { text: '', error: errorCode(parsed) };
  if (surface === 'chat') {
    const choices = parsed.choices as Array<{ message?: { content?: unknown } }> | undefined;
    return { text: String(choices?.[0]?.message?.content ?? '') };
  }
  if (surface === 'responses') {
    const output = (parsed.output ?? []) as Array<{ content?: Array<{ type?: string; text?: unknown }> }>;
    return {
      text: output
        .flatMap((item) => item.content ?? [])
        .filter((part) => part.type === 'output_text')
        .map((part) => String(part.text))
        .join(''),
    };
  }
  const content = (parsed.content ?? []) as Array<{ type?: string; text?: unknown }>;
  return {
    text: content
      .filter((part) => part.type === 'text')
      .map((part) => String(part.text))
      .join(''),
  };
}

/** Every `data:` payload of an SSE text, in order (multi-line data joined with \n). */
export function sseData(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5));
    if (data.length) out.push(data.join('\n'));
  }
  return out;
}

/** Text of one streamed event of a surface ('' for events that carry none). */
export function eventText(surface: Surface, event: Json): string {
  if (surface === 'chat') {
    const choices = event.choices as Array<{ delta?: { content?: unknown } }> | undefined;
    const content = choices?.[0]?.delta?.content;
    return typeof content === 'string' ? content : '';
  }
  if (surface === 'responses')
    return event.type === 'response.output_text.delta' && typeof event.delta === 'string' ? event.delta : '';
  const delta = event.delta as { type?: string; text?: unknown } | undefined;
  return event.type === 'content_block_delta' &&
    delta?.type === 'text_delta' &&
    typeof delta.text === 'string'
    ? delta.text
    : '';
}

/** Assistant text of a streamed answer (SSE), and the first error event if any. */
export function streamReply(surface: Surface, body: string): Reply {
  let text = '';
  let error: string | undefined;
  for (const data of sseData(body)) {
    if (data === '[DONE]') continue;
    let event: Json;
    try {
      event = JSON.parse(data) as Json;
    } catch {
      error ??= 'invalid_event';
      continue;
    }
    if (event.error || event.type === 'error') error ??= errorCode(event);
    text += eventText(surface, event);
  }
  return error === undefined ? { text } : { text, error };
}
