import { addressDetectors } from './address/index.ts';
import type { Detector } from './detector.ts';
import { englishEntityDetectors } from './entities-en/index.ts';
import { chineseEntityDetectors } from './entities-zh/index.ts';
import { fieldDetectors } from './fields/index.ts';
import { secretDetectors } from './secrets/index.ts';
import { structuredDetectors } from './structured/index.ts';

/** Every built-in detector, in a stable order. */
export function builtinDetectors(): readonly Detector[] {
  return [
    ...secretDetectors,
    ...structuredDetectors,
    ...englishEntityDetectors,
    ...chineseEntityDetectors,
    ...addressDetectors,
    ...fieldDetectors,
  ];
}
