/** Where the real-world manifests are: $POCKETKUBE_CORPUS, else `shared/corpus` beside the repository. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = [
  process.env.POCKETKUBE_CORPUS,
  fileURLToPath(new URL('../../../shared/corpus/', import.meta.url)),
  '/work/shared/corpus/',
].filter((p): p is string => Boolean(p));

export const CORPUS: string = candidates.find((p) => existsSync(p)) ?? candidates[0]!;
export const HAVE_CORPUS: boolean = existsSync(CORPUS);
