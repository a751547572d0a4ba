import { type StatusError, isStatusError } from '../api/errors.js';
import { formatFieldError } from '../api/field-error.js';

/**
 * kubectl's error rendering (cmdutil.CheckErr): what goes to stderr for an error, without colour.
 * Every returned string ends with a newline.
 */
export function renderError(err: unknown): string {
  if (isStatusError(err)) return renderStatusError(err);
  if (err instanceof ReportedError) return '';
  if (err instanceof PlainError) return ensureNewline(err.message);
  const msg = err instanceof Error ? err.message : String(err);
  return ensureNewline(msg.startsWith('error: ') ? msg : `error: ${msg}`);
}

function renderStatusError(err: StatusError): string {
  const causes = err.details.causes ?? [];
  if (err.reason === 'Invalid' && (err.details.kind || err.details.name) && causes.length > 0) {
    const header = `The ${err.details.kind ?? ''} "${err.details.name ?? ''}" is invalid: `;
    const lines = [...new Set(causes.map((c) => `${c.field}: ${formatFieldError({ ...c, field: '' })}`))];
    if (lines.length === 1) return `${header}${lines[0]}\n`;
    return `${header}\n${lines.map((l) => `* ${l}\n`).join('')}`;
  }
  // kubectl's checkErr for an Invalid status naming no object (e.g. a JSON patch whose test failed)
  if (err.reason === 'Invalid' && !err.details.kind && !err.details.name) return ensureNewline(`The request is invalid: ${err.message}`);
  if (!err.reason) return ensureNewline(`Error from server: ${err.message}`);
  return ensureNewline(`Error from server (${err.reason}): ${err.message}`);
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : s + '\n';
}

/**
 * Thrown after a command has already printed its errors (e.g. `apply` reports per document and
 * goes on): the base command prints nothing more and exits with `code`.
 */
export class ReportedError extends Error {
  constructor(readonly code = 1) {
    super('errors were reported');
    this.name = 'ReportedError';
  }
}

/** An error whose message is printed verbatim (no `error: ` prefix), e.g. kubectl's configuration errors. */
export class PlainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlainError';
  }
}

/**
 * A flag value cobra rejects (`invalid argument "x" for "--value" flag: …`), thrown by a flag's
 * parse function. oclif rewrites the message of such an error, so kubectl's words are kept apart.
 */
export class FlagValueError extends Error {
  readonly detail: string;
  constructor(detail: string) {
    super(detail);
    this.name = 'FlagValueError';
    this.detail = detail;
  }
}

/** oclif's flag/argument parse errors carry a `parse` field; a flag value's own error counts too. */
export function isParseError(err: unknown): err is (Error & { parse: unknown; flags?: string[] }) | FlagValueError {
  return err instanceof FlagValueError || (err instanceof Error && 'parse' in err);
}

/** kubectl (cobra) words for a command-line parse error. */
export function renderParseError(err: Error & { flags?: string[] }, commandId: string, bin: string): string {
  const usage = `See '${[bin, ...commandId.split(':')].filter(Boolean).join(' ')} --help' for usage.`;
  if (Array.isArray(err.flags) && err.flags.length > 0) {
    const flag = err.flags[0];
    const what = /^-[^-]/.test(flag) ? `unknown shorthand flag: '${flag.slice(1, 2)}' in ${flag}` : `unknown flag: ${flag}`;
    return `Error: ${what}\n${usage}\n`;
  }
  const first = err instanceof FlagValueError ? err.detail : err.message.split('\n')[0];
  return `Error: ${first}\n${usage}\n`;
}

/**
 * kubectl's rendering of the errors a command collected (CheckErr of an aggregate): one error is
 * rendered alone; several are printed one per line, API errors as `Error from server (…): …`,
 * others as their bare message.
 */
export function renderErrors(errs: unknown[]): string {
  if (errs.length === 1) return renderError(errs[0]);
  return errs.map((e) => `${messageForError(e)}\n`).join('');
}

function messageForError(err: unknown): string {
  if (isStatusError(err)) return err.reason ? `Error from server (${err.reason}): ${err.message}` : `Error from server: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
