/** Codex turn metadata and turn key: they describe the client's session and must never reach a provider. */
const TURN_FIELDS = ['x-codex-turn-metadata', 'x-codex-turn-state'];

/**
 * Removes Codex's turn metadata from a Responses body. Codex repeats the `x-codex-turn-metadata`
 * header inside `client_metadata` (HTTP and websocket alike); an emptied `client_metadata` is dropped.
 */
export function withoutTurnMetadata(payload: Record<string, unknown>): Record<string, unknown> {
  const metadata = payload.client_metadata;
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) return payload;
  if (!TURN_FIELDS.some((field) => field in metadata)) return payload;
  const kept = Object.fromEntries(Object.entries(metadata).filter(([key]) => !TURN_FIELDS.includes(key)));
  const { client_metadata: _dropped, ...rest } = payload;
  return Object.keys(kept).length > 0 ? { ...rest, client_metadata: kept } : rest;
}
