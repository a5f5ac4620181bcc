import type { Detector } from '../detector.ts';
import { chineseAddressDetector } from './chinese-address.ts';
import { englishAddressDetector } from './english-address.ts';
import { indianAddressDetector } from './indian-address.ts';

/** Detectors for: address, English (with Indian formats) and Chinese. */
export const addressDetectors: readonly Detector[] = [
  englishAddressDetector,
  indianAddressDetector,
  chineseAddressDetector,
];
