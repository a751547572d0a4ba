/** Helpers of serve.e2e.test.ts: a `pocketkube serve` child process, and kubectl pointed at it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Starts `pocketkube serve --port 0 --write-kubeconfig FILE` on a state directory; resolves with the child and its URL once it listens. */
export function startServe(bin: string, stateDir: string, kubeconfig: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, '--state-dir', stateDir, 'serve', '--port', '0', '--write-kubeconfig', kubeconfig], { env: { ...process.env, NO_COLOR: '1' } });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Starting to serve on (\S+)$/m.exec(out);
      if (m) resolve({ child, url: `http://${m[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

export interface Ran {
  stdout: string;
  stderr: string;
  code: number;
}

/** Real kubectl against the server, with no kubeconfig of the user's (run from the repository root). */
export function kubectlAt(url: string, dir: string, args: string[]): Promise<Ran> {
  // a cache of its own: kubectl keeps discovery per host:port for hours, and ports come round again
  const child = spawn('kubectl', ['--server', url, '--cache-dir', join(dir, 'kube-cache'), ...args], { cwd: REPO, env: { ...process.env, KUBECONFIG: join(dir, 'no-kubeconfig') } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ stdout, stderr, code: code ?? -1 })));
}

/** A table with its ages (`5s`, `3m2s`) blanked and its padding collapsed: two reads a second apart compare equal. */
export function withoutAge(table: string): string {
  return table.replace(/\b\d+[smhd](\d+[smh])?\b/g, 'AGE').replace(/ +/g, ' ');
}

/**
 * Runs a watching command (`get -w`, until its --request-timeout); once it has printed the list it
 * starts with, runs `change`; resolves with everything it printed. (Waiting for the list, not a
 * fixed time: under load the watcher may start later than any sleep.)
 */
export function watchAround(command: string, args: string[], env: NodeJS.ProcessEnv, change: () => void): Promise<string> {
  const child = spawn(command, args, { cwd: REPO, env });
  let out = '';
  let changed = false;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (!changed && out.includes('\n')) {
      changed = true;
      change();
    }
  });
  return new Promise((resolve) => child.once('close', () => resolve(out)));
}
