import type { Detector } from '../detector.ts';
import { chineseAddressDetector } from './chinese-address.ts';
import { englishAddressDetector } from './english-address.ts';

/** Detectors for: address, English and Chinese. */
export const addressDetectors: readonly Detector[] = [englishAddressDetector, chineseAddressDetector];
