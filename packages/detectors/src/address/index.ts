import type { Detector } from '../detector.ts';

/** Detectors for: address, English and Chinese. */
export const addressDetectors: readonly Detector[] = [];
