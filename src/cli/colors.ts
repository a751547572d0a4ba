import { Chalk } from 'chalk';

/**
 * Status colouring for people at a terminal: green for what is fine, yellow for what is on its
 * way, red for what failed. Only table output is coloured, only on a TTY (or FORCE_COLOR), never
 * with NO_COLOR set or --no-color. Colour is applied after the layout is computed, so the escape
 * codes never count toward column widths.
 */
export type Tone = 'ok' | 'wait' | 'bad';

const TONES: Record<string, Tone> = {};
for (const s of ['Running', 'Completed', 'Succeeded', 'Complete', 'Active', 'Ready', 'Bound', 'Available', 'True', 'Normal']) TONES[s] = 'ok';
for (const s of ['Pending', 'ContainerCreating', 'PodInitializing', 'Terminating', 'NotReady', 'Unknown', 'Released', 'Suspended', 'SchedulingDisabled']) TONES[s] = 'wait';
for (const s of [
  'CrashLoopBackOff', 'Error', 'Failed', 'ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'Evicted', 'OOMKilled',
  'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'ContainerStatusUnknown', 'DeadlineExceeded',
  'BackoffLimitExceeded', 'False', 'Warning', 'Lost',
]) TONES[s] = 'bad';

/** The tone of a status cell: its first comma-separated part, `Init:`/`Signal:`-style prefixes aside. */
export function statusTone(cell: string): Tone | undefined {
  const first = cell.split(',')[0].trim();
  const word = first.includes(':') ? first.slice(first.indexOf(':') + 1) : first;
  if (TONES[word]) return TONES[word];
  if (first.startsWith('Init:')) return /^Init:\d+\/\d+$/.test(first) ? 'wait' : 'bad';
  return undefined;
}

/** Whether output should be coloured. */
export function colourEnabled(opts: { isTTY: boolean; env: NodeJS.ProcessEnv; noColorFlag?: boolean }): boolean {
  if (opts.noColorFlag) return false;
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') return false;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return opts.isTTY;
}

const chalk = new Chalk({ level: 1 });
const PAINT: Record<Tone, (s: string) => string> = { ok: chalk.green, wait: chalk.yellow, bad: chalk.red };

export function paintStatus(cell: string): string {
  const tone = statusTone(cell);
  return tone ? PAINT[tone](cell) : cell;
}

/** Headers of the columns whose cells are statuses. */
const STATUS_HEADERS = new Set(['STATUS', 'PHASE']);

/**
 * A cell painter for a table with this header row: status columns of body rows are coloured.
 * `bodyStart` is 1 when the first row is the header, 0 with --no-headers.
 */
export function statusPainter(header: string[], bodyStart: number): (cell: string, row: number, col: number) => string {
  const cols = new Set(header.map((h, i) => (STATUS_HEADERS.has(h) ? i : -1)).filter((i) => i >= 0));
  return (cell, row, col) => (row >= bodyStart && cols.has(col) ? paintStatus(cell) : cell);
}
