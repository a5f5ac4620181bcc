import type { Detector } from '../detector.ts';

/** Detectors for: person_name and organization in Chinese text. */
export const chineseEntityDetectors: readonly Detector[] = [];
