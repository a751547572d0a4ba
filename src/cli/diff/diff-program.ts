import { spawn } from 'node:child_process';

/**
 * Runs the diff program over the LIVE and MERGED directories as kubectl does: `diff -u -N A B` by
 * default; with KUBECTL_EXTERNAL_DIFF its first word is the program and the following words are
 * kept as options only when made of letters, digits, `-` and `=` (kubectl drops the others).
 * Resolves to the program's exit code; its output goes straight to ours.
 */
export function diffCommand(from: string, to: string, env: NodeJS.ProcessEnv = process.env): { program: string; args: string[] } {
  const external = env.KUBECTL_EXTERNAL_DIFF;
  if (!external) return { program: 'diff', args: ['-u', '-N', from, to] };
  const words = external.split(' ');
  const options = words.slice(1).filter((w) => /^[a-zA-Z0-9-=]+$/.test(w));
  return { program: words[0], args: [...options, from, to] };
}

export function runDiff(from: string, to: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { program, args } = diffCommand(from, to, env);
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    child.on('error', (err) => reject(new Error(`failed to run "${program}": ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'executable file not found in $PATH' : err.message}`)));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 2)));
  });
}
