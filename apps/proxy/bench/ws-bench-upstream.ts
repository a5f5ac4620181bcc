/** A fast fake Responses provider for `pnpm bench:ws`: echoes the last user text as a Responses SSE stream. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

let counter = 0;

function lastUserText(body: { input?: unknown }): string {
  const items = Array.isArray(body.input) ? (body.input as Array<{ role?: string; content?: unknown }>) : [];
  const last = [...items].reverse().find((item) => item.role === 'user');
  if (!Array.isArray(last?.content)) return '';
  return (last.content as Array<{ text?: unknown }>)
    .map((part) => (typeof part.text === 'string' ? part.text : ''))
    .join('');
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let body: { input?: unknown; model?: unknown } = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      // Benchmarks send valid JSON; answer anyway.
    }
    const reply = `You said: ${lastUserText(body)}`;
    const id = `resp_bench_${++counter}`;
    const message = {
      id: `msg_${counter}`,
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: reply, annotations: [] }],
    };
    const done = {
      id,
      object: 'response',
      created_at: 1,
      status: 'completed',
      model: body.model,
      output: [message],
      usage: null,
    };
    let seq = 0;
    const frame = (data: Record<string, unknown>) =>
      `event: ${String(data.type)}\ndata: ${JSON.stringify({ ...data, sequence_number: seq++ })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let out = frame({ type: 'response.created', response: { ...done, status: 'in_progress', output: [] } });
    out += frame({
      type: 'response.output_item.added',
      output_index: 0,
      item: { ...message, status: 'in_progress', content: [] },
    });
    // Token-sized deltas, as a model streams them.
    for (let i = 0; i < reply.length; i += 16) {
      out += frame({
        type: 'response.output_text.delta',
        item_id: message.id,
        output_index: 0,
        content_index: 0,
        delta: reply.slice(i, i + 16),
      });
    }
    out += frame({
      type: 'response.output_text.done',
      item_id: message.id,
      output_index: 0,
      content_index: 0,
      text: reply,
    });
    out += frame({ type: 'response.output_item.done', output_index: 0, item: message });
    out += frame({ type: 'response.completed', response: done });
    res.end(out);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
