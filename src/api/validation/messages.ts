/** Message builders of k8s.io/apimachinery/pkg/util/validation, worded exactly as Kubernetes words them. */

export function emptyError(): string {
  return 'must be non-empty';
}

export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** `<msg> (e.g. 'a',  or 'b', regex used for validation is '<fmt>')` — the double space is Kubernetes'. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

export function prefixEach(msgs: string[], prefix: string): string[] {
  return msgs.map((m) => prefix + m);
}
