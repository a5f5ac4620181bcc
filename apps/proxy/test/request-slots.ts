/**
 * Every position in a request where a provider would read text, per surface, as small functions that
 * put a text there. The leak fuzzer builds valid requests by placing probe texts into random slots.
 */

export type Surface = 'chat' | 'responses' | 'anthropic' | 'websocket';
export const SURFACES: readonly Surface[] = ['chat', 'responses', 'anthropic', 'websocket'];

type Body = Record<string, unknown> & { messages?: unknown[]; input?: unknown; system?: unknown };

export interface Slot {
  name: string;
  /** A tool definition: never masked; a definitive finding here rejects the request. */
  toolZone: boolean;
  /** The slot holds the bare value (an id, a key), not a sentence around it. */
  bare?: boolean;
  /** The slot holds one value; a second placement would overwrite the first. */
  single?: boolean;
  /** The text is JSON-encoded into a string (tool-call arguments): its escapes get a second level. */
  jsonString?: boolean;
  /** Puts one text (two halves for the split slots) into the body. */
  place(body: Body, texts: readonly string[]): void;
}

const FILLER = 'Summarize the notes above in one line.';

const messages = (body: Body): unknown[] => {
  body.messages ??= [];
  return body.messages;
};
const inputList = (body: Body): unknown[] => {
  if (typeof body.input === 'string') body.input = [{ role: 'user', content: body.input }] as unknown[];
  body.input ??= [];
  return body.input as unknown[];
};
const one = (texts: readonly string[]): string => texts.join('');
/** Appends a tool with a fresh name, so several tool slots can be filled in one request. */
const addTool = (b: Body, tool: (name: string) => unknown): void => {
  b.tools ??= [];
  const tools = b.tools as unknown[];
  tools.push(tool(`lookup_${tools.length + 1}`));
};
const toolPropertyName = (wrap: (name: string, schema: unknown) => unknown): Slot => ({
  name: 'tool_property_name',
  toolZone: true,
  bare: true,
  place: (b, t) =>
    addTool(b, (name) => wrap(name, { type: 'object', properties: { [one(t)]: { type: 'string' } } })),
});

const extraFields: Slot[] = [
  {
    name: 'metadata',
    toolZone: false,
    place: (b, t) => {
      b.metadata ??= {};
      const metadata = b.metadata as Record<string, string>;
      metadata[`note_${Object.keys(metadata).length + 1}`] = one(t);
    },
  },
  {
    name: 'unexpected_top_level_field',
    toolZone: false,
    place: (b, t) => {
      b.x_extra ??= { nested: [] };
      (b.x_extra as { nested: unknown[] }).nested.push({ deep: one(t) });
    },
  },
  {
    name: 'structural_model',
    toolZone: false,
    bare: true,
    single: true,
    place: (b, t) => {
      b.model = one(t);
    },
  },
  {
    name: 'object_key_bare',
    toolZone: false,
    bare: true,
    place: (b, t) => {
      b.x_bare_keys ??= {};
      const keys = b.x_bare_keys as Record<string, number>;
      keys[one(t)] = Object.keys(keys).length + 1;
    },
  },
  {
    name: 'object_key',
    toolZone: false,
    place: (b, t) => {
      b.x_keys ??= {};
      const keys = b.x_keys as Record<string, number>;
      keys[one(t)] = Object.keys(keys).length + 1;
    },
  },
];

const CHAT_SLOTS: Slot[] = [
  { name: 'system', toolZone: false, place: (b, t) => messages(b).push({ role: 'system', content: one(t) }) },
  {
    name: 'developer_parts',
    toolZone: false,
    place: (b, t) => messages(b).push({ role: 'developer', content: [{ type: 'text', text: one(t) }] }),
  },
  { name: 'user', toolZone: false, place: (b, t) => messages(b).push({ role: 'user', content: one(t) }) },
  {
    name: 'user_parts',
    toolZone: false,
    place: (b, t) =>
      messages(b).push({
        role: 'user',
        content: [
          { type: 'text', text: FILLER },
          { type: 'text', text: one(t) },
        ],
      }),
  },
  {
    name: 'assistant',
    toolZone: false,
    place: (b, t) => messages(b).push({ role: 'assistant', content: one(t) }),
  },
  {
    name: 'assistant_tool_call_arguments',
    toolZone: false,
    jsonString: true,
    place: (b, t) =>
      messages(b).push({
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'lookup', arguments: JSON.stringify({ q: one(t) }) },
          },
        ],
      }),
  },
  {
    name: 'tool_result',
    toolZone: false,
    place: (b, t) => messages(b).push({ role: 'tool', tool_call_id: 'call_1', content: one(t) }),
  },
  {
    name: 'tool_result_parts',
    toolZone: false,
    place: (b, t) =>
      messages(b).push({ role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: one(t) }] }),
  },
  {
    name: 'unexpected_message_field',
    toolZone: false,
    place: (b, t) => messages(b).push({ role: 'user', content: FILLER, x_note: one(t) }),
  },
  ...extraFields,
  {
    name: 'structural_safety_identifier',
    toolZone: false,
    bare: true,
    single: true,
    place: (b, t) => {
      b.safety_identifier = one(t);
    },
  },
  {
    name: 'structural_tool_call_id',
    toolZone: false,
    bare: true,
    place: (b, t) => messages(b).push({ role: 'tool', tool_call_id: one(t), content: FILLER }),
  },
  toolPropertyName((name, parameters) => ({ type: 'function', function: { name, parameters } })),
  {
    name: 'tool_description',
    toolZone: true,
    place: (b, t) =>
      addTool(b, (name) => ({
        type: 'function',
        function: { name, description: one(t), parameters: { type: 'object', properties: {} } },
      })),
  },
  {
    name: 'tool_parameter_description',
    toolZone: true,
    place: (b, t) =>
      addTool(b, (name) => ({
        type: 'function',
        function: {
          name,
          description: 'Looks a record up.',
          parameters: { type: 'object', properties: { q: { type: 'string', description: one(t) } } },
        },
      })),
  },
];

const CHAT_SPLIT = {
  parts: (b: Body, [a, z]: readonly string[]) =>
    messages(b).push({
      role: 'user',
      content: [
        { type: 'text', text: a },
        { type: 'text', text: z },
      ],
    }),
  messages: (b: Body, [a, z]: readonly string[]) => {
    messages(b).push({ role: 'user', content: a }, { role: 'user', content: z });
  },
};

const RESPONSES_SLOTS: Slot[] = [
  {
    name: 'instructions',
    toolZone: false,
    place: (b, t) => {
      b.instructions = b.instructions === undefined ? one(t) : `${b.instructions}\n${one(t)}`;
    },
  },
  {
    name: 'input_string',
    toolZone: false,
    place: (b, t) => {
      if (b.input === undefined) b.input = one(t);
      else inputList(b).push({ role: 'user', content: one(t) });
    },
  },
  {
    name: 'system',
    toolZone: false,
    place: (b, t) => inputList(b).push({ role: 'system', content: one(t) }),
  },
  {
    name: 'developer_parts',
    toolZone: false,
    place: (b, t) =>
      inputList(b).push({ role: 'developer', content: [{ type: 'input_text', text: one(t) }] }),
  },
  { name: 'user', toolZone: false, place: (b, t) => inputList(b).push({ role: 'user', content: one(t) }) },
  {
    name: 'user_parts',
    toolZone: false,
    place: (b, t) =>
      inputList(b).push({
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_text', text: FILLER },
          { type: 'input_text', text: one(t) },
        ],
      }),
  },
  {
    name: 'assistant_output_text',
    toolZone: false,
    place: (b, t) =>
      inputList(b).push({
        type: 'message',
        role: 'assistant',
        id: 'msg_a1',
        status: 'completed',
        content: [{ type: 'output_text', text: one(t), annotations: [] }],
      }),
  },
  {
    name: 'function_call_arguments',
    toolZone: false,
    jsonString: true,
    place: (b, t) =>
      inputList(b).push({
        type: 'function_call',
        id: 'fc_1',
        call_id: 'call_1',
        name: 'lookup',
        arguments: JSON.stringify({ q: one(t) }),
      }),
  },
  {
    name: 'function_call_output',
    toolZone: false,
    place: (b, t) => inputList(b).push({ type: 'function_call_output', call_id: 'call_1', output: one(t) }),
  },
  {
    name: 'function_call_output_parts',
    toolZone: false,
    place: (b, t) =>
      inputList(b).push({
        type: 'function_call_output',
        call_id: 'call_1',
        output: [{ type: 'input_text', text: one(t) }],
      }),
  },
  {
    name: 'reasoning_summary',
    toolZone: false,
    place: (b, t) =>
      inputList(b).push({ type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: one(t) }] }),
  },
  {
    name: 'unexpected_item_field',
    toolZone: false,
    place: (b, t) => inputList(b).push({ role: 'user', content: FILLER, x_note: one(t) }),
  },
  ...extraFields,
  {
    name: 'structural_prompt_cache_key',
    toolZone: false,
    bare: true,
    single: true,
    place: (b, t) => {
      b.prompt_cache_key = one(t);
    },
  },
  {
    name: 'structural_call_id',
    toolZone: false,
    bare: true,
    place: (b, t) => inputList(b).push({ type: 'function_call_output', call_id: one(t), output: FILLER }),
  },
  toolPropertyName((name, parameters) => ({ type: 'function', name, parameters })),
  {
    name: 'tool_description',
    toolZone: true,
    place: (b, t) =>
      addTool(b, (name) => ({
        type: 'function',
        name,
        description: one(t),
        parameters: { type: 'object', properties: {} },
      })),
  },
  {
    name: 'tool_parameter_description',
    toolZone: true,
    place: (b, t) =>
      addTool(b, (name) => ({
        type: 'function',
        name,
        description: 'Looks a record up.',
        parameters: { type: 'object', properties: { q: { type: 'string', description: one(t) } } },
      })),
  },
];

const RESPONSES_SPLIT = {
  parts: (b: Body, [a, z]: readonly string[]) =>
    inputList(b).push({
      type: 'message',
      role: 'user',
      content: [
        { type: 'input_text', text: a },
        { type: 'input_text', text: z },
      ],
    }),
  messages: (b: Body, [a, z]: readonly string[]) => {
    inputList(b).push({ role: 'user', content: a }, { role: 'user', content: z });
  },
};

const systemBlocks = (b: Body): unknown[] => {
  if (typeof b.system === 'string') b.system = [{ type: 'text', text: b.system }];
  b.system ??= [];
  return b.system as unknown[];
};

const ANTHROPIC_SLOTS: Slot[] = [
  {
    name: 'system_string',
    toolZone: false,
    place: (b, t) => {
      if (b.system === undefined) b.system = one(t);
      else systemBlocks(b).push({ type: 'text', text: one(t) });
    },
  },
  {
    name: 'system_blocks',
    toolZone: false,
    place: (b, t) =>
      systemBlocks(b).push({ type: 'text', text: one(t), cache_control: { type: 'ephemeral' } }),
  },
  { name: 'user', toolZone: false, place: (b, t) => messages(b).push({ role: 'user', content: one(t) }) },
  {
    name: 'user_blocks',
    toolZone: false,
    place: (b, t) =>
      messages(b).push({
        role: 'user',
        content: [
          { type: 'text', text: FILLER },
          { type: 'text', text: one(t) },
        ],
      }),
  },
  {
    name: 'assistant_text',
    toolZone: false,
    place: (b, t) => messages(b).push({ role: 'assistant', content: [{ type: 'text', text: one(t) }] }),
  },
  {
    name: 'tool_use_input',
    toolZone: false,
    place: (b, t) =>
      messages(b).push({
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: one(t) } }],
      }),
  },
  {
    name: 'tool_result',
    toolZone: false,
    place: (b, t) =>
      messages(b).push({
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: one(t) }],
      }),
  },
  {
    name: 'tool_result_blocks',
    toolZone: false,
    place: (b, t) =>
      messages(b).push({
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: one(t) }] }],
      }),
  },
  {
    name: 'unexpected_block_field',
    toolZone: false,
    place: (b, t) =>
      messages(b).push({ role: 'user', content: [{ type: 'text', text: FILLER, x_note: one(t) }] }),
  },
  ...extraFields,
  {
    name: 'structural_metadata_user_id',
    toolZone: false,
    bare: true,
    single: true,
    place: (b, t) => {
      b.metadata = { ...(b.metadata as object), user_id: one(t) };
    },
  },
  {
    name: 'structural_tool_use_id',
    toolZone: false,
    bare: true,
    place: (b, t) =>
      messages(b).push({
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: one(t), content: FILLER }],
      }),
  },
  toolPropertyName((name, input_schema) => ({ name, input_schema })),
  {
    name: 'tool_description',
    toolZone: true,
    place: (b, t) =>
      addTool(b, (name) => ({ name, description: one(t), input_schema: { type: 'object', properties: {} } })),
  },
  {
    name: 'tool_parameter_description',
    toolZone: true,
    place: (b, t) =>
      addTool(b, (name) => ({
        name,
        description: 'Looks a record up.',
        input_schema: { type: 'object', properties: { q: { type: 'string', description: one(t) } } },
      })),
  },
];

const ANTHROPIC_SPLIT = {
  parts: (b: Body, [a, z]: readonly string[]) =>
    messages(b).push({
      role: 'user',
      content: [
        { type: 'text', text: a },
        { type: 'text', text: z },
      ],
    }),
  messages: (b: Body, [a, z]: readonly string[]) => {
    messages(b).push({ role: 'user', content: a }, { role: 'user', content: z });
  },
};

/** The ordinary slots of a surface (the websocket carries Responses bodies). */
export function slotsFor(surface: Surface): readonly Slot[] {
  if (surface === 'chat') return CHAT_SLOTS;
  if (surface === 'anthropic') return ANTHROPIC_SLOTS;
  return RESPONSES_SLOTS;
}

/** Slots that place two halves of one value in adjacent content parts or adjacent messages. */
export function splitSlotFor(surface: Surface, kind: 'parts' | 'messages'): Slot {
  const split = surface === 'chat' ? CHAT_SPLIT : surface === 'anthropic' ? ANTHROPIC_SPLIT : RESPONSES_SPLIT;
  return { name: `split_${kind}`, toolZone: false, place: split[kind] };
}

/** A valid request of the surface with nothing but neutral text, before any slot is filled. */
export function baseBody(surface: Surface): Body {
  if (surface === 'chat') return { model: 'gpt-test' };
  if (surface === 'anthropic') return { model: 'claude-test', max_tokens: 256 };
  return { model: 'gpt-test' };
}

/** Makes the filled body valid: every surface needs a user turn at the end. */
export function finishBody(surface: Surface, body: Body): Body {
  if (surface === 'chat' || surface === 'anthropic') messages(body).push({ role: 'user', content: FILLER });
  else if (body.input === undefined) body.input = FILLER;
  else inputList(body).push({ role: 'user', content: FILLER });
  return body;
}
