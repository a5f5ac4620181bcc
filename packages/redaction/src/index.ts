export type { Detector, EntityType, Finding, Language } from '@stronk/detectors';
export type { Action, PolicyConfig, PolicyDecision } from '@stronk/policy';
export { createVault, StreamRehydrator, Vault, type VaultSnapshot } from '@stronk/vault';
export { compilePathPattern, formatJsonPath, type JsonPath } from './json-path.ts';
export { BASE64_MEDIA, BOUNDED_TOKEN, type PayloadSpec } from './payload-spec.ts';
export {
  createRedactor,
  type FindingReport,
  isDefinitiveFinding,
  type MaskOptions,
  type MaskPayloadResult,
  type MaskTextResult,
  PayloadTooDeepError,
  type Redactor,
  type RedactorConfig,
} from './redactor.ts';
