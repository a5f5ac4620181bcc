import type { EntityType, Finding, Language } from '../types.ts';

/** What a detection worker builds its engine from: only plain data crosses the thread boundary. */
export interface DetectionWorkerData {
  denyTerms: readonly string[];
  allowTerms: readonly string[];
  enabledTypes?: readonly EntityType[];
}

export interface DetectionRequest {
  id: number;
  texts: readonly string[];
  langs: readonly (Language | undefined)[];
}

/** `error` is a class name only: a message could quote the text being detected. */
export type DetectionReply =
  | { id: number; findings: Finding[][] }
  | { id: number; error: string }
  | { ready: true };
