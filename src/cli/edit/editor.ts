/**
 * Launching the user's editor the way kubectl does: `$KUBE_EDITOR`, then `$EDITOR`, else `vi`.
 * A plain command runs directly with the file as last argument; one with spaces is split on
 * them; one with quotes or backslashes goes to the shell (`$SHELL -c '<editor> "<file>"'`).
 */
import { spawnSync } from 'node:child_process';

export interface EditorCommand {
  args: string[];
  shell: boolean;
}

export function editorCommand(env: NodeJS.ProcessEnv): EditorCommand {
  const editor = env.KUBE_EDITOR || env.EDITOR || 'vi';
  if (!editor.includes(' ')) return { args: [editor], shell: false };
  if (!/["'\\]/.test(editor)) return { args: editor.split(' '), shell: false };
  return { args: [env.SHELL || '/bin/bash', '-c', editor], shell: true };
}

function argsFor(cmd: EditorCommand, path: string): string[] {
  const args = [...cmd.args];
  if (cmd.shell) args[args.length - 1] = `${args[args.length - 1]} ${JSON.stringify(path)}`;
  else args.push(path);
  return args;
}

/** Runs the editor on path, attached to the terminal; throws kubectl's errors when it fails. */
export function launchEditor(path: string, env: NodeJS.ProcessEnv = process.env): void {
  const cmd = editorCommand(env);
  const [bin, ...rest] = argsFor(cmd, path);
  const res = spawnSync(bin, rest, { stdio: 'inherit', env });
  const shown = cmd.args.join(' ');
  if (res.error && (res.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`unable to launch the editor ${JSON.stringify(shown)}`);
  if (res.error || res.status !== 0) throw new Error(`there was a problem with the editor ${JSON.stringify(shown)}`);
}
