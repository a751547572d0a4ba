#!/usr/bin/env node
// `npm run bench`: the figures the issues ask for, measured in one run on this machine.
// Ratios are against baselines measured in the same run. Nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSampled } from './memory-sampler.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'run.js');
const corpus = process.env.POCKETKUBE_CORPUS ?? join(root, '..', 'shared', 'corpus');
const only = process.argv.slice(2);
const dirs = [];

function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'pk-bench-'));
  dirs.push(d);
  return d;
}

/** Runs the CLI once; returns wall ms and stdout. Throws on a non-zero exit. */
function run(args, { stateDir, input } = {}) {
  const env = { ...process.env, NO_COLOR: '1' };
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...(stateDir ? ['--state-dir', stateDir] : []), ...args], {
    env, input, encoding: 'utf8', maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`pocketkube ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { ms, stdout: r.stdout };
}

/**
 * Like run(), and measures memory: the peak RSS (report-rss.mjs) and, when `breakdown`, what it is
 * made of, read from outside (memory-sampler.mjs: the reading slows the run, so a timed run is not read).
 */
async function runMeasured(args, stateDir, { breakdown = false } = {}) {
  const rssFile = join(tempDir(), 'rss');
  const env = { ...process.env, NO_COLOR: '1', POCKETKUBE_BENCH_RSS_FILE: rssFile };
  const argv = ['--import', join(root, 'bench', 'report-rss.mjs'), bin, '--state-dir', stateDir, ...args];
  const r = await runSampled(process.execPath, argv, { env, mapped: breakdown ? /\/data\.mdb$/ : undefined });
  if (r.code !== 0) throw new Error(`pocketkube ${args.join(' ')} exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
  return { ms: r.ms, peak: r.peak, rssBytes: Number(readFileSync(rssFile, 'utf8')) };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeNode(args, n) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args);
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(xs);
}

function timeCli(args, stateDir, n) {
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(run(args, { stateDir }).ms);
  return median(xs);
}

function podsYaml(namespace, count, prefix = 'p') {
  const docs = [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}\n`];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${prefix}-${i}\n  namespace: ${namespace}\n  labels:\n    app: bench\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n`);
  }
  return docs.join('---\n');
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const report = (name, value, note = '') => {
  console.log(`${name.padEnd(58)} ${value.padStart(14)}  ${note}`);
};
const want = (name) => only.length === 0 || only.includes(name);

try {
  if (want('startup')) {
    const small = tempDir();
    run(['get', 'pods'], { stateDir: small }); // creates the cluster
    const nodeMs = timeNode(['-e', ''], 15);
    const getMs = timeCli(['get', 'pods'], small, 15);
    report('startup: bare `node -e ""` (median of 15)', fmt(nodeMs));
    report('startup: `pocketkube get pods`, small cluster (median of 15)', fmt(getMs), `${ratio(getMs, nodeMs)} node (target ≤ 2.0×)`);
  }

  if (want('corpus')) {
    const d = tempDir();
    run(['get', 'ns'], { stateDir: d });
    const files = readdirSync(corpus).filter((f) => f.endsWith('.yaml')).map((f) => join(corpus, f));
    const t = run(['apply', ...files.flatMap((f) => ['-f', f])], { stateDir: d }).ms;
    report(`corpus: apply all ${files.length} files (one command)`, fmt(t));
  }

  if (want('scale-read')) {
    const empty = tempDir();
    const big = tempDir();
    const smallNs = podsYaml('small', 5, 's');
    run(['create', '-f', '-'], { stateDir: empty, input: smallNs });
    run(['create', '-f', '-'], { stateDir: big, input: smallNs });
    const seed = run(['create', '-f', '-'], { stateDir: big, input: podsYaml('big', 10_000) }).ms;
    report('reads: seed 10,000 pods with one `create -f`', fmt(seed));
    const all = timeCli(['get', 'pods', '-A'], big, 3);
    report('reads: `get pods -A` with 10,000 stored pods (median of 3)', fmt(all));
    const inBig = timeCli(['get', 'pods', '-n', 'small'], big, 9);
    const inEmpty = timeCli(['get', 'pods', '-n', 'small'], empty, 9);
    report('reads: `get pods -n small` (5 pods), store without the 10,000', fmt(inEmpty));
    report('reads: `get pods -n small` (5 pods), store with the 10,000', fmt(inBig), `${ratio(inBig, inEmpty)} (target ≤ 1.5×)`);
    // describe lists the pod's Events: a small namespace's, among the 40,000 of the 10,000 pods
    const describeBig = timeCli(['describe', 'pod', 's-0', '-n', 'small'], big, 9);
    const describeEmpty = timeCli(['describe', 'pod', 's-0', '-n', 'small'], empty, 9);
    report('reads: `describe pod -n small`, without the 10,000', fmt(describeEmpty));
    report('reads: `describe pod -n small`, with the 10,000 and Events', fmt(describeBig), ratio(describeBig, describeEmpty));
  }

  if (want('scale-up')) {
    const nodes = Number(process.env.POCKETKUBE_BENCH_NODES ?? 1000);
    const replicas = Number(process.env.POCKETKUBE_BENCH_REPLICAS ?? 30_000);
    const empty = tempDir();
    const big = tempDir();
    run(['cluster', 'create', 'big', '--nodes', String(nodes)], { stateDir: big });
    run(['cluster', 'create', 'big', '--nodes', String(nodes)], { stateDir: empty });
    const deploy = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n  replicas: 0\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.27\n        resources:\n          requests:\n            cpu: 10m\n            memory: 16Mi\n`;
    run(['apply', '-f', '-'], { stateDir: big, input: deploy });
    // this machine's speed varies by a fifth to a third from minute to minute (other load only ever
    // slows a run): the scale runs three times, each from a copy of the cluster before it, and the
    // best time and the highest memory count; every run's time and their median are printed too
    const runs = Math.max(1, Number(process.env.POCKETKUBE_BENCH_SCALE_RUNS ?? 3));
    const scale = ['scale', 'deployment/web', '--replicas', String(replicas)];
    const scaledCopy = async (opts) => {
      const dir = tempDir();
      cpSync(big, dir, { recursive: true });
      const measured = await runMeasured(scale, dir, opts);
      // the scale command's own control loop must have brought every replica up
      const deployRow = run(['get', 'deploy', 'web', '--no-headers'], { stateDir: dir }).stdout.trim().split(/\s+/);
      const running = run(['get', 'pods', '--field-selector', 'status.phase=Running', '-o', 'name'], { stateDir: dir }).stdout.split('\n').filter(Boolean).length;
      if (deployRow[1] !== `${replicas}/${replicas}` || running !== replicas) {
        throw new Error(`after scale: deployment ${deployRow.join(' ')}, ${running} pods Running (want ${replicas})`);
      }
      return { ...measured, dir };
    };
    const ups = [];
    for (let i = 0; i < runs; i++) ups.push(await scaledCopy());
    // one more, untimed, read from outside for what its memory is made of
    const read = await scaledCopy({ breakdown: true });
    const scaled = read.dir;
    const fastest = Math.min(...ups.map((u) => u.ms));
    const fullest = [...ups, read].reduce((a, b) => (b.rssBytes > a.rssBytes ? b : a));
    const each = runs > 1 ? `; runs: ${ups.map((u) => `${(u.ms / 1000).toFixed(1)} s`).join(', ')}, median ${(median(ups.map((u) => u.ms)) / 1000).toFixed(1)} s` : '';
    report(`scale-up: deployment 0 → ${replicas} on ${nodes} nodes (best of ${runs})`, `${(fastest / 1000).toFixed(1)} s`, `${Math.round(replicas / (fastest / 1000))} pods/s (target ≥ 3,000)${each}`);
    report(`scale-up: peak RSS of that \`scale\` (highest of ${runs + 1})`, mb(fullest.rssBytes), '(target ≤ 300 MB)');
    if (read.peak) {
      // what the highest reading of the untimed run was made of (readings every 100 ms, so a little under its peak)
      const { rss, anonymous, mapped } = read.peak;
      report('scale-up: at the highest reading, anonymous (heap, native)', mb(anonymous));
      report('scale-up: at the highest reading, LMDB map pages (clean, file-backed)', mb(mapped));
      report('scale-up: at the highest reading, other (code, shared libraries)', mb(rss - anonymous - mapped));
    }
    const noopBig = timeCli(['get', 'ns'], scaled, 9);
    const noopEmpty = timeCli(['get', 'ns'], empty, 9);
    report(`no-op: \`get ns\`, cluster of ${nodes} nodes without pods (median of 9)`, fmt(noopEmpty));
    report(`no-op: \`get ns\`, same with ${replicas} pods Running (median of 9)`, fmt(noopBig), `${ratio(noopBig, noopEmpty)} (target ≤ 1.5×)`);
  }
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
