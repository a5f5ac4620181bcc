export { builtinDetectors } from './builtin.ts';
export type { DetectContext, Detector, Inspection } from './detector.ts';
export {
  createDetectionEngine,
  type DetectionEngine,
  type DetectionEngineOptions,
  type DetectOptions,
} from './engine.ts';
export { type NormalizedText, normalizeText } from './normalize.ts';
export {
  BUNDLED_DETECTION_WORKER,
  createDetectionPool,
  type DetectionOffload,
  type DetectionPool,
  type DetectionPoolOptions,
  type DetectionPoolStats,
} from './offload/detection-pool.ts';
export { eventLoopLoad } from './offload/event-loop-load.ts';
export { resolveOverlaps, typePriority } from './resolve-overlaps.ts';
export { preloadChineseSegmenter, type SegmentedToken } from './segmentation/chinese-segmenter.ts';
export {
  ENTITY_TYPES,
  type EntityType,
  type Finding,
  isEntityType,
  type Language,
  SECRET_TYPES,
} from './types.ts';
