/**
 * kubectl logs' flags turned into the kubelet's log options (kubectl 1.32 ToLogOptions/Validate):
 * one of --since / --since-time, --tail defaulting to 10 with a selector, and their messages.
 */
import type { LogOptions } from '../../node/runtime/logs.js';
import { durationFlag } from '../../util/go-duration.js';

export interface LogFlags {
  previous: boolean;
  timestamps: boolean;
  /** undefined: not given (-1, or 10 with a selector). */
  tail?: number;
  since?: string;
  'since-time'?: string;
  'limit-bytes': number;
  selector?: string;
}

/** Go's RFC 3339 layout, as its parse errors name it. */
const RFC3339_LAYOUT = '2006-01-02T15:04:05Z07:00';
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** kubectl's util.ParseRFC3339 (RFC 3339, with or without fractional seconds), in epoch ms. */
export function parseSinceTime(text: string): number {
  const ms = RFC3339.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw new Error(`parsing time "${text}" as "${RFC3339_LAYOUT}": cannot parse "${text}" as "2006"`);
  return ms;
}

/** The kubelet's options for these flags, at cluster time `nowMs`; kubectl's error for bad ones. */
export function logOptions(flags: LogFlags, nowMs: number): LogOptions {
  const sinceTime = flags['since-time'];
  // kubectl rounds --since to the nearest second
  const sinceSeconds = flags.since === undefined ? 0 : Math.round(durationFlag('since', flags.since) / 1000);
  if (sinceTime && sinceSeconds !== 0) throw new Error('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (flags['limit-bytes'] < 0) throw new Error('--limit-bytes must be greater than 0');
  if (sinceSeconds < 0) throw new Error('--since must be greater than 0');
  const tail = flags.tail ?? (flags.selector ? 10 : -1);
  if (tail < -1) throw new Error('--tail must be greater than or equal to -1');
  let sinceMs: number | undefined;
  if (sinceTime) sinceMs = parseSinceTime(sinceTime);
  else if (sinceSeconds > 0) sinceMs = nowMs - sinceSeconds * 1000;
  return { previous: flags.previous, timestamps: flags.timestamps, tail, sinceMs, limitBytes: flags['limit-bytes'] || undefined };
}
