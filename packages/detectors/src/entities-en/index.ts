import type { Detector } from '../detector.ts';

/** Detectors for: person_name and organization in English (Latin-script) text. */
export const englishEntityDetectors: readonly Detector[] = [];
