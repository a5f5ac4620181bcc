import { ENTITY_TYPES, type EntityType, SECRET_TYPES } from '@stronk/detectors';

export const ACTIONS = ['allow', 'mask', 'block', 'route_local'] as const;
export type Action = (typeof ACTIONS)[number];

/** Higher wins when a request's findings ask for different actions. */
const ACTION_RANK: Record<Action, number> = { allow: 0, mask: 1, route_local: 2, block: 3 };

export function strongerAction(a: Action, b: Action): Action {
  return ACTION_RANK[a] >= ACTION_RANK[b] ? a : b;
}

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

/** Secrets are blocked by default; every other type is masked. */
export function defaultActionFor(type: EntityType): Action {
  return SECRET_TYPES.has(type) ? 'block' : 'mask';
}

export const POLICY_TYPES: readonly EntityType[] = ENTITY_TYPES;
