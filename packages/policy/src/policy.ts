import type { EntityType } from '@stronk/detectors';
import { type Action, defaultActionFor, POLICY_TYPES, strongerAction } from './actions.ts';

export type PolicyConfig = Partial<Record<EntityType, Action>>;

/** The combined outcome for one request (or one string) given all of its findings. */
export interface PolicyDecision {
  /** block beats route_local beats mask beats allow; `allow` when nothing was found. */
  action: Action;
  /** The distinct types that asked for each action, sorted. */
  typesByAction: Record<Action, EntityType[]>;
}

export interface Policy {
  actionFor(type: EntityType): Action;
  decide(types: Iterable<EntityType>): PolicyDecision;
  /** Every type with its effective action, for posture pages and docs. */
  entries(): Array<[EntityType, Action]>;
}

export function createPolicy(config: PolicyConfig = {}): Policy {
  const table = new Map<EntityType, Action>(POLICY_TYPES.map((t) => [t, config[t] ?? defaultActionFor(t)]));
  const actionFor = (type: EntityType): Action => table.get(type) ?? defaultActionFor(type);
  return {
    actionFor,
    decide(types) {
      const typesByAction: Record<Action, EntityType[]> = { allow: [], mask: [], block: [], route_local: [] };
      let action: Action = 'allow';
      for (const type of new Set(types)) {
        const typeAction = actionFor(type);
        typesByAction[typeAction].push(type);
        action = strongerAction(action, typeAction);
      }
      for (const list of Object.values(typesByAction)) list.sort();
      return { action, typesByAction };
    },
    entries: () => [...table.entries()],
  };
}
