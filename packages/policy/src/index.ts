export { ACTIONS, type Action, defaultActionFor, isAction, strongerAction } from './actions.ts';
export { PolicyConfigError, policyConfigFromEnv } from './from-env.ts';
export { createPolicy, type Policy, type PolicyConfig, type PolicyDecision } from './policy.ts';
