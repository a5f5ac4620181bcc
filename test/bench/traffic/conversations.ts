/**
 * Realistic request content with PII, so the proxy's masking work is real: a system prompt naming an
 * organization and a contact (one of a few, as an app reuses its prompt), earlier turns and a new user
 * message, both distinct per index (so the detection cache does not flatter the numbers). Built from the
 * detectors' synthetic chat generator: invented names, emails, phone numbers, organizations and street
 * addresses.
 */
import { makeChatMessage } from '../../../packages/detectors/src/testing/index.ts';
import { type Canary, canarySentence } from './canaries.ts';
import type { Conversation, Turn } from './surfaces.ts';

export interface ConversationShape {
  /** Size of the new user message in characters. */
  userChars: number;
  /** Earlier turns (alternating user / assistant) before the new message. */
  historyTurns: number;
  /** Size of each earlier turn in characters. */
  historyChars: number;
  /** Values that must never reach upstream raw, appended to the new user message. */
  canaries?: readonly Canary[];
}

/** Distinct generator indexes per conversation, so no two texts of a run are the same. */
const STRIDE = 4096;
const SYSTEM_PROMPTS = 8;

/** A long text of `chars` characters made of distinct 4 KB messages. */
function longText(index: number, chars: number): string {
  if (chars <= 4096) return makeChatMessage(index, chars);
  const parts: string[] = [];
  for (let i = 0, size = 0; size < chars; i++) {
    const part = makeChatMessage(index + i * 7, Math.min(4096, chars - size));
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join('\n');
}

export function piiConversation(index: number, shape: ConversationShape): Conversation {
  const base = (index + 1) * STRIDE * 8;
  const history: Turn[] = Array.from({ length: shape.historyTurns }, (_, i) => ({
    role: i % 2 === 0 ? 'user' : 'assistant',
    text: longText(base + 1000 + i * 16, shape.historyChars),
  }));
  const canaryText = (shape.canaries ?? []).map(canarySentence).join(' ');
  return {
    system: `You are the support assistant. ${makeChatMessage(index % SYSTEM_PROMPTS, 400)}`,
    history,
    user: canaryText
      ? `${makeChatMessage(base + 1, shape.userChars)} ${canaryText}`
      : makeChatMessage(base + 1, shape.userChars),
  };
}
