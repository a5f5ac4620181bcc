import type { Vault } from '@stronk/vault';
import type { ChannelSet } from './channels.ts';
import type { BodyRehydrationOptions } from './deep-rehydrate.ts';
import type { SseFrame } from './sse-frame.ts';

/** Per-route logic that knows which event fields are deltas of which channel. */
export interface EventRehydrator {
  /** Rehydrates one parsed event; may return extra frames (held-back text) before or instead of it. */
  onEvent(frame: SseFrame, event: unknown): SseFrame[];
  /** The stream ended (normally or not): frames carrying whatever text is still held back. */
  onEnd(): SseFrame[];
}

export interface EventRehydratorContext {
  vault: Vault;
  channels: ChannelSet;
  options: BodyRehydrationOptions;
}

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function jsonFrame(event: string | undefined, data: unknown): SseFrame {
  return { event, data: JSON.stringify(data) };
}
