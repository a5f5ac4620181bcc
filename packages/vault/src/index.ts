export {
  formatPlaceholder,
  labelFor,
  MAX_PLACEHOLDER_LENGTH,
  PLACEHOLDER_LABELS,
  PLACEHOLDER_SHAPE,
} from './placeholder.ts';
export { StreamRehydrator } from './stream-rehydrator.ts';
export { createVault, type RehydrateOptions, Vault, type VaultSnapshot } from './vault.ts';
