import { Command, Errors, Flags, type Interfaces } from '@oclif/core';
import type { Connection } from '../client/embedded.js';
import { PlainError, ReportedError, isParseError, renderError, renderParseError } from './errors.js';
import { existsSync } from 'node:fs';
import { clusterDir, ensurePrivateDir, resolveStateRoot } from '../util/state-dir.js';
import { contextNamespace, currentContext, DEFAULT_CLUSTER } from './contexts.js';
import { colourEnabled } from './colors.js';
import { connectRemote, kubeconfigNamespace } from './remote-connection.js';

export type KubeFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof KubeCommand)['baseFlags'] & T['flags']>;
export type KubeArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/**
 * The base of every pocketkube command: the global flags (-n, --context, --state-dir, -v), the way
 * to reach the cluster of the current context, plain stdout/stderr output, and kubectl's error
 * rendering (exit 1, no stack trace unless -v>=6 or DEBUG is set).
 *
 * Use: `export default class Get extends KubeCommand<typeof Get> { … async run() { this.flags.namespace … } }`.
 * Flags and args are parsed in init(); `this.flags`, `this.args` and `this.argList` (all positional
 * arguments, for commands with `static strict = false`) are ready in run().
 */
export abstract class KubeCommand<T extends typeof Command = typeof Command> extends Command {
  static override baseFlags = {
    namespace: Flags.string({ char: 'n', description: 'If present, the namespace scope for this CLI request', helpGroup: 'GLOBAL' }),
    context: Flags.string({ description: 'The name of the cluster (context) to use; with --kubeconfig, the kubeconfig context', helpGroup: 'GLOBAL' }),
    kubeconfig: Flags.string({ description: 'Talk to the Kubernetes API server of this kubeconfig file (its current context, or --context) instead of an embedded cluster', helpGroup: 'GLOBAL' }),
    'state-dir': Flags.string({ description: 'Directory holding pocketkube state (default: $POCKETKUBE_HOME or the user data dir)', helpGroup: 'GLOBAL' }),
    v: Flags.integer({ char: 'v', description: 'number for the log level verbosity', default: 0, helpGroup: 'GLOBAL' }),
    'no-color': Flags.boolean({ description: 'Never colour the output (colour is only used on a terminal, and never with NO_COLOR set)', default: false, helpGroup: 'GLOBAL' }),
  };

  protected flags!: KubeFlags<T>;
  protected args!: KubeArgs<T>;
  /** Every positional argument, in order. */
  protected argList: string[] = [];

  override async init(): Promise<void> {
    await super.init();
    const ctor = this.ctor as unknown as T & { baseFlags: Interfaces.FlagInput };
    // A failed parse still counts as parsed (oclif would otherwise warn that the command never parsed).
    const parsed = await this.parse({
      flags: ctor.flags,
      baseFlags: ctor.baseFlags,
      args: ctor.args,
      strict: ctor.strict,
      enableJsonFlag: false,
    }).finally(() => {
      this.parsed = true;
    });
    this.flags = parsed.flags as KubeFlags<T>;
    this.args = parsed.args as KubeArgs<T>;
    this.argList = parsed.argv.map(String);
    const { kubeconfig, context } = this.globals;
    if (kubeconfig) this.kubeconfigNamespace = await kubeconfigNamespace(kubeconfig, context);
  }

  /** With --kubeconfig: the namespace its context names, read at init. */
  private kubeconfigNamespace: string | undefined;

  // ---- where state lives --------------------------------------------------------------------

  private get globals(): { namespace?: string; context?: string; 'state-dir'?: string; kubeconfig?: string; v: number } {
    return (this.flags ?? { v: 0 }) as unknown as { namespace?: string; context?: string; 'state-dir'?: string; kubeconfig?: string; v: number };
  }

  /** The state root (`--state-dir` > POCKETKUBE_HOME > user data dir). */
  protected stateRoot(): string {
    return resolveStateRoot(this.globals['state-dir']);
  }

  /** The name of the current context (= cluster). */
  protected contextName(): string {
    return currentContext(this.stateRoot(), this.globals.context);
  }

  /** Namespace of this request: `-n` > the context's default namespace > `default`. */
  protected namespace(): string {
    if (this.globals.namespace) return this.globals.namespace;
    if (this.globals.kubeconfig) return this.kubeconfigNamespace ?? 'default';
    return contextNamespace(this.stateRoot(), this.contextName()) ?? 'default';
  }

  /** Whether `-n` was given explicitly (kubectl's enforceNamespace). */
  protected namespaceExplicit(): boolean {
    return Boolean(this.globals.namespace);
  }

  // ---- reaching the cluster -----------------------------------------------------------------

  /**
   * Opens the cluster of the current context. The default cluster is created silently on first
   * use; any other missing cluster is kubectl's "context was not found" error. Call close() when
   * done — prefer withCluster().
   */
  protected async connect(): Promise<Connection> {
    const { kubeconfig, context } = this.globals;
    if (kubeconfig) return connectRemote(kubeconfig, context);
    const root = this.stateRoot();
    const name = currentContext(root, this.globals.context);
    const dir = clusterDir(root, name);
    if (!existsSync(dir) && name !== DEFAULT_CLUSTER) {
      throw new PlainError(`Error in configuration: context was not found for specified context: ${name}`);
    }
    ensurePrivateDir(root);
    const { openEmbedded } = await import('../client/embedded.js');
    return openEmbedded({ dir });
  }

  /** Runs fn with an open connection and always closes it (committing the command's writes). */
  protected async withCluster<R>(fn: (conn: Connection) => Promise<R>): Promise<R> {
    const conn = await this.connect();
    let result: R;
    try {
      result = await fn(conn);
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw err;
    }
    await conn.close();
    return result;
  }

  /**
   * Like withCluster, but the connection opens only when fn first asks for it: a command whose
   * input fails before it needs the cluster (a file that does not parse) opens none.
   */
  protected async withClusterOnDemand<R>(fn: (cluster: () => Promise<Connection>) => Promise<R>): Promise<R> {
    let opening: Promise<Connection> | undefined;
    const cluster = () => (opening ??= this.connect());
    let result: R;
    try {
      result = await fn(cluster);
    } catch (err) {
      const conn = await opening?.catch(() => undefined);
      await conn?.close().catch(() => undefined);
      throw err;
    }
    if (opening) await (await opening).close();
    return result;
  }

  // ---- output -------------------------------------------------------------------------------

  /** Writes text to stdout exactly as given (no newline added). */
  protected out(text: string): void {
    if (text) process.stdout.write(text);
  }

  /** Writes one line to stdout (a newline is added). */
  protected outLine(text: string): void {
    process.stdout.write(text + '\n');
  }

  /** Writes text to stderr; a newline is added when missing. */
  protected err(text: string): void {
    if (!text) return;
    process.stderr.write(text.endsWith('\n') ? text : text + '\n');
  }

  /** Colour only on a terminal (or FORCE_COLOR), never with NO_COLOR or --no-color. */
  protected useColour(): boolean {
    const noColorFlag = Boolean((this.flags as { 'no-color'?: boolean } | undefined)?.['no-color']);
    return colourEnabled({ isTTY: Boolean(process.stdout.isTTY), env: process.env, noColorFlag });
  }

  // ---- errors -------------------------------------------------------------------------------

  protected override async catch(err: Error & { oclif?: { exit?: number } }): Promise<void> {
    if (err instanceof Errors.ExitError) {
      process.exitCode = err.oclif.exit ?? 0;
      return;
    }
    process.exitCode = err instanceof ReportedError ? err.code : 1;
    if (isParseError(err)) {
      this.err(renderParseError(err, this.id ?? '', this.config.bin));
      return;
    }
    this.err(renderError(err));
    if (this.globals.v >= 6 || process.env.DEBUG) this.err(err.stack ?? String(err));
  }
}
