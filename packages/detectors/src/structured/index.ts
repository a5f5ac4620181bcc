import type { Detector } from '../detector.ts';

/** Detectors for: email, phone, ip_address, credit_card, iban, us_ssn, cn_resident_id. */
export const structuredDetectors: readonly Detector[] = [];
