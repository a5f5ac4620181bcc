import { analyzeEnglishEntities } from './analyze.ts';

/** The texts of the spans of one type that the English entity rules find, in order (for tests). */
export function found(text: string, type: 'person_name' | 'organization'): string[] {
  return analyzeEnglishEntities(text)
    .filter((s) => s.type === type)
    .map((s) => text.slice(s.start, s.end));
}

/** Every span as `type:text`, in order (for tests). */
export function all(text: string): string[] {
  return analyzeEnglishEntities(text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
}
