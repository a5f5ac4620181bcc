import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type AnnotatedText, parseAnnotatedText } from './annotated-text.ts';

export interface CorpusDocument extends AnnotatedText {
  /** Path relative to the corpus folder, e.g. `en/stack-trace.txt`. */
  readonly name: string;
}

/** The prompt corpus shipped with this package: `packages/detectors/prompts/<lang>/*.txt`. */
export const PROMPT_CORPUS_DIR = join(import.meta.dirname, '../../prompts');

/** Every `.txt` file under `dir` (one prompt per file), parsed, in a stable order. */
export function loadPromptCorpus(dir = PROMPT_CORPUS_DIR): CorpusDocument[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.txt')) files.push(path);
    }
  };
  walk(dir);
  return files.map((path) => {
    const name = relative(dir, path);
    return { name, ...parseAnnotatedText(readFileSync(path, 'utf8'), name) };
  });
}
