import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { KubeObject } from '../../src/api/types.js';
import { CliSandbox } from './cli-runner.js';

/** Events expire an hour after their last write, as kube-apiserver's --event-ttl has them. */
const QUICKSTART = fileURLToPath(new URL('../../fixtures/quickstart.yaml', import.meta.url));
let sb: CliSandbox;

beforeAll(() => {
  sb = new CliSandbox('pk-event-ttl-');
});
afterAll(() => sb.dispose());

function events(...args: string[]): KubeObject[] {
  const out = sb.run(['get', 'events', ...args, '-o', 'json']);
  expect(out.stderr).toBe('');
  return (JSON.parse(out.stdout) as { items: KubeObject[] }).items;
}

describe('Event expiry through the CLI', { timeout: 120_000 }, () => {
  it('lists the quick start\'s Events for an hour, then no more', () => {
    expect(sb.run(['apply', '-f', QUICKSTART]).code).toBe(0);
    const first = events('-n', 'shop');
    expect(first.map((e) => e.reason)).toEqual(expect.arrayContaining(['Scheduled', 'Started', 'SuccessfulCreate', 'ScalingReplicaSet']));
    expect(sb.run(['cluster', 'advance', '59m']).code).toBe(0);
    expect(events('-n', 'shop')).toHaveLength(first.length);
    expect(sb.run(['cluster', 'advance', '2m']).code).toBe(0);
    const none = sb.run(['get', 'events', '-n', 'shop']);
    expect(none).toEqual({ stdout: '', stderr: 'No resources found in shop namespace.\n', code: 0 });
    const name = first[0]!.metadata.name!;
    expect(sb.run(['get', 'event', name, '-n', 'shop']).stderr).toBe(`Error from server (NotFound): events "${name}" not found\n`);
  });

  it('keeps an Event that is counted up, and lets the others go', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata: {name: crashy, namespace: default, annotations: {pocketkube.io/crash-after: 3s}}
spec:
  containers:
  - {name: c, image: busybox:1.36}
`;
    expect(sb.run(['apply', '-f', '-'], manifest).code).toBe(0);
    expect(sb.run(['cluster', 'advance', '2h']).code).toBe(0);
    const left = events('--field-selector', 'involvedObject.name=crashy');
    // Scheduled was written once, two hours ago; the restarts count one Event up all along (the
    // spam filter lets one write through per five minutes), and that one is still there
    expect(left.map((e) => e.reason)).not.toContain('Scheduled');
    const now = Date.parse(JSON.parse(sb.run(['get', 'pod', 'crashy', '-o', 'json']).stdout).status.containerStatuses[0].lastState.terminated.finishedAt);
    expect(left.length).toBeGreaterThan(0);
    for (const e of left) expect(Date.parse(e.lastTimestamp)).toBeGreaterThan(now - 60 * 60 * 1000);
    const countedUp = left.filter((e) => Date.parse(e.firstTimestamp) < Date.parse(e.lastTimestamp) - 60 * 60 * 1000);
    expect(countedUp.length).toBeGreaterThan(0);
    expect(countedUp[0]!.count).toBeGreaterThan(10);
  });
});
