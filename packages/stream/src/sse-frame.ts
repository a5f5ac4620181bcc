/** One server-sent event as relayed: optional event name and id, and its data text. */
export interface SseFrame {
  event?: string | undefined;
  id?: string | undefined;
  data: string;
}

/** Serializes a frame; multi-line data becomes several `data:` lines, as the SSE format requires. */
export function encodeSseFrame(frame: SseFrame): string {
  let out = '';
  if (frame.event) out += `event: ${frame.event}\n`;
  if (frame.id !== undefined) out += `id: ${frame.id}\n`;
  for (const line of frame.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}
