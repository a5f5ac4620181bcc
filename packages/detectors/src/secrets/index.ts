import type { Detector } from '../detector.ts';
import { providerTokenDetector } from './provider-tokens.ts';

/** Detectors for: api_key, bearer_token, jwt, private_key, url_credentials. */
export const secretDetectors: readonly Detector[] = [providerTokenDetector];
