import type { Detector } from '../detector.ts';

/** Detectors for: api_key, bearer_token, jwt, private_key, url_credentials. */
export const secretDetectors: readonly Detector[] = [];
