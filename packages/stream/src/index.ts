export {
  type BodyRehydrationOptions,
  countPlaceholdersDeep,
  isToolArgumentField,
  rehydrateDeep,
} from './deep-rehydrate.ts';
export { rehydrateSse, type SseRehydrationOptions, type SseRehydrationStats } from './rehydrate-sse.ts';
export { encodeSseFrame, type SseFrame } from './sse-frame.ts';
