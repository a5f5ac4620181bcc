import type { Detector } from '../detector.ts';
import { bearerDetector } from './bearer.ts';
import { chineseSecretLabelDetector } from './chinese-secret-labels.ts';
import { genericAssignmentDetector } from './generic-assignment.ts';
import { jwtDetector } from './jwt.ts';
import { keywordProximityDetector } from './keyword-proximity.ts';
import { privateKeyDetector } from './private-key.ts';
import { providerTokenDetector } from './provider-tokens.ts';
import { urlCredentialsDetector } from './url-credentials.ts';

/** Detectors for: api_key, bearer_token, jwt, private_key, url_credentials. */
export const secretDetectors: readonly Detector[] = [
  providerTokenDetector,
  genericAssignmentDetector,
  keywordProximityDetector,
  chineseSecretLabelDetector,
  jwtDetector,
  privateKeyDetector,
  bearerDetector,
  urlCredentialsDetector,
];
