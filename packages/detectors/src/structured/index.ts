import type { Detector } from '../detector.ts';
import { cnResidentIdDetector } from './cn-resident-id.ts';
import { creditCardDetector } from './credit-card.ts';
import { emailDetector } from './email.ts';
import { ibanDetector } from './iban.ts';
import { ipAddressDetector } from './ip-address.ts';
import { phoneDetector } from './phone.ts';
import { usSsnDetector } from './us-ssn.ts';

/** Detectors for: email, phone, ip_address, credit_card, iban, us_ssn, cn_resident_id. */
export const structuredDetectors: readonly Detector[] = [
  emailDetector,
  ipAddressDetector,
  creditCardDetector,
  ibanDetector,
  usSsnDetector,
  cnResidentIdDetector,
  phoneDetector,
];
