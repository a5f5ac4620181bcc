import { type EntityType, isEntityType } from '@stronk/detectors';
import { ACTIONS, isAction } from './actions.ts';
import type { PolicyConfig } from './policy.ts';

/** A configuration problem; the message names the offending variable and never echoes a secret. */
export class PolicyConfigError extends Error {
  constructor(
    message: string,
    readonly variable: string,
  ) {
    super(message);
    this.name = 'PolicyConfigError';
  }
}

const ACTION_VARIABLE = /^STRONK_GATEWAY_([A-Z0-9_]+)_ACTION$/;

/**
 * Reads `STRONK_GATEWAY_<TYPE>_ACTION` variables (TYPE is the upper-case type name, e.g. EMAIL,
 * PERSON_NAME, API_KEY). Values are case-insensitive; `route-local` is accepted for `route_local`.
 * Unknown types and unknown actions throw, naming the variable.
 */
export function policyConfigFromEnv(env: Readonly<Record<string, string | undefined>>): PolicyConfig {
  const config: PolicyConfig = {};
  for (const [variable, rawValue] of Object.entries(env)) {
    const match = ACTION_VARIABLE.exec(variable);
    if (!match || rawValue === undefined) continue;
    const typeName = match[1]!.toLowerCase();
    if (!isEntityType(typeName)) {
      throw new PolicyConfigError(`${variable}: unknown detector type "${match[1]}"`, variable);
    }
    const value = rawValue.trim().toLowerCase().replace('-', '_');
    if (!isAction(value)) {
      throw new PolicyConfigError(
        `${variable}: unknown action; expected one of ${ACTIONS.join(', ')}`,
        variable,
      );
    }
    config[typeName as EntityType] = value;
  }
  return config;
}
