import fc from 'fast-check';
import {
  type Probe,
  probeArbitrary,
  STRICT_VARIANTS,
  serializeWithEscapes,
  type VariantName,
  WEAK_VARIANTS,
} from './bypass-variants.ts';
import { canaryArbitrary } from './canaries.ts';
import { baseBody, finishBody, type Slot, type Surface, slotsFor, splitSlotFor } from './request-slots.ts';

/** Generated requests for the leak fuzzer: probes (canary + bypass variant) placed in slots of one surface. */

export interface Placement {
  probe: Probe;
  slot: Slot;
}

/**
 * Whether the detectors must see through this probe. Escapes written into text that is then JSON-encoded
 * into a string (tool-call arguments) arrive doubly escaped (`\\u0040`), which is not decoded.
 */
export const isStrict = (p: Placement): boolean =>
  STRICT_VARIANTS.includes(p.probe.variant) && !(p.probe.variant === 'escaped_in_text' && p.slot.jsonString);

export function label(p: Placement): string {
  return `${p.probe.canary.type}/${p.probe.variant}@${p.slot.name}`;
}

/** Every string value (keys excluded) ordered by JSON path, so field order cannot matter. */
export function echoStrings(body: unknown): string {
  const found: Array<[string, string]> = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') found.push([path, value]);
    else if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, `${path}.${i}`);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  walk(body, '$');
  found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return found.map(([, value]) => value).join('\n');
}

export interface FuzzCase {
  surface: Surface;
  stream: boolean;
  placements: Placement[];
  body: Record<string, unknown>;
  /** The body exactly as sent (JSON escapes where a probe asks for them). */
  wire: string;
}

function placementArbitrary(surface: Surface, variants: readonly VariantName[]): fc.Arbitrary<Placement> {
  return probeArbitrary(canaryArbitrary(), variants).chain((probe) => {
    if (probe.variant === 'split_parts') return fc.constant({ probe, slot: splitSlotFor(surface, 'parts') });
    if (probe.variant === 'split_messages')
      return fc.constant({ probe, slot: splitSlotFor(surface, 'messages') });
    return fc.constantFrom(...slotsFor(surface)).map((slot) => ({ probe, slot }));
  });
}

export function caseArbitrary(surface: Surface): fc.Arbitrary<FuzzCase> {
  const placement = fc.oneof(
    { weight: 4, arbitrary: placementArbitrary(surface, STRICT_VARIANTS) },
    { weight: 1, arbitrary: placementArbitrary(surface, WEAK_VARIANTS) },
  );
  return fc
    .record({
      stream: surface === 'websocket' ? fc.constant(true) : fc.boolean(),
      placements: fc.array(placement, { minLength: 1, maxLength: 3 }),
    })
    .map(({ stream, placements: generated }) => {
      const placements = generated.filter(
        (p, i) => !p.slot.single || generated.findIndex((q) => q.slot.name === p.slot.name) === i,
      );
      const body = baseBody(surface);
      for (const { probe, slot } of placements) slot.place(body, slot.bare ? [probe.written] : probe.texts);
      finishBody(surface, body);
      if (stream && surface !== 'websocket') body.stream = true;
      const escapes = placements.flatMap((p) => (p.probe.jsonEscape ? [p.probe.jsonEscape] : []));
      const envelope = surface === 'websocket' ? { type: 'response.create', ...body } : body;
      const fuzzCase: FuzzCase = {
        surface,
        stream,
        placements,
        body,
        wire: serializeWithEscapes(envelope, escapes),
      };
      // Counterexamples name types, variants and slots; the values stay out of test output.
      return Object.assign(fuzzCase, {
        [fc.toStringMethod]: () => `${surface} stream=${stream} [${placements.map(label).join(', ')}]`,
      });
    });
}
