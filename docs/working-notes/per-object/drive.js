// Usage: node drive.js <worktree> <label> <requests> [--prof membership,arrangements,gateway] [--journeys structure,entities] [--runs N]
// Starts the five subgraphs and the gateway as the bench does (production), sends sequential requests, prints ms/request.
const path = require('node:path');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const root = process.argv[2];
const label = process.argv[3];
const requests = Number(process.argv[4] ?? 200);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const prof = (arg('--prof', '') || '').split(',').filter(Boolean);
const journeys = arg('--journeys', 'structure,entities').split(',');
const runs = Number(arg('--runs', 5));
const { createRequire } = require('node:module');
const req = createRequire(path.join(root, 'bench', 'package.json'));
const auth = req('@safeguarding/auth');
const { NODE_PROCESS_FLAGS } = req('@safeguarding/config');
const pg = req('pg');
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/per_object_bench';
const ENV = {
  NODE_ENV: 'production',
  USER_TOKEN_SECRET: 'bench-only-user-token-secret-never-used-outside-the-bench',
  GATEWAY_SECRET: 'bench-only-gateway-secret-never-used-outside-the-bench',
};
const base = Number(arg('--base', 4700));
const names = ['arrangements', 'membership', 'reviews', 'training', 'thresholds'];
const port = Object.fromEntries(names.map((n, k) => [n, base + 1 + k]));
const env = {
  ...process.env,
  ...ENV,
  DATABASE_URL,
  SEED_ON_START: 'false',
  LOG_LEVEL: 'warn',
  GATEWAY_PORT: String(base),
  RATE_LIMIT_MAX_REQUESTS: '1000000000',
  ...Object.fromEntries(names.map((n) => [`${n.toUpperCase()}_PORT`, String(port[n])])),
};
const profDir = `/tmp/per-object/prof-${label}`;
const children = [];
const byName = {};
const cpuMs = (name) => {
  const f = fs.readFileSync(`/proc/${byName[name].pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
function start(name, script) {
  const flags = [...NODE_PROCESS_FLAGS];
  if (prof.includes(name)) flags.push('--cpu-prof', `--cpu-prof-dir=${profDir}/${name}`, '--cpu-prof-interval=200');
  const child = spawn(process.execPath, [...flags, script], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  byName[name] = child;
  return child;
}
async function waitFor(url) {
  for (let i = 0; i < 400; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('not ready ' + url);
}
const grants = [{ role: 'analyst', partnershipSlug: null }];
const STRUCTURE_FIELDS = 'id name kind reportsTo { id } meetingFrequency { meetingsPerYear } members(asOf: $asOf) { role organisation { id name sector } }';
(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const ids = (await client.query(`SELECT body_id FROM arrangements.body_partnership WHERE partnership_id = 'bench-0001' ORDER BY body_id`)).rows.map(
    (r) => r.body_id,
  );
  await client.end();
  for (const n of names) start(n, path.join(root, 'services', n, 'dist', 'main.js'));
  await Promise.all(names.map((n) => waitFor(`http://127.0.0.1:${port[n]}/ready`)));
  start('gateway', path.join(root, 'gateway', 'dist', 'main.js'));
  await waitFor(`http://127.0.0.1:${base}/ready`);
  const token = auth.signUserToken(ENV.USER_TOKEN_SECRET, 'bench', grants);
  const requestsFor = {
    structure: () => ({
      url: `http://127.0.0.1:${base}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query Structure($slug: String!, $asOf: Date) { partnership(slug: $slug) { slug name bodies(asOf: $asOf) { ${STRUCTURE_FIELDS} } } }`,
        variables: { slug: 'bench-0001', asOf: '2026-11-01' },
      }),
    }),
    entities: () => ({
      url: `http://127.0.0.1:${port.membership}/graphql`,
      headers: {
        'content-type': 'application/json',
        [auth.GATEWAY_ASSERTION_HEADER]: auth.signGatewayAssertion(ENV.GATEWAY_SECRET, { subject: 'bench', grants }),
      },
      body: JSON.stringify({
        query: `query EntitiesDirect($representations: [_Any!]!, $asOf: Date) { _entities(representations: $representations) { ... on Body { id members(asOf: $asOf) { role } } } }`,
        variables: { representations: ids.map((id) => ({ __typename: 'Body', id })), asOf: '2026-11-01' },
      }),
    }),
  };
  const crypto = require('node:crypto');
  const results = {};
  for (const j of journeys) {
    const r = requestsFor[j]();
    const first = await (await fetch(r.url, { method: 'POST', headers: r.headers, body: r.body })).text();
    const parsed = JSON.parse(first);
    fs.writeFileSync(`/tmp/per-object/answer-${label}-${j}.json`, first);
    console.log(
      j,
      'answer sha1',
      crypto.createHash('sha1').update(first).digest('hex').slice(0, 12),
      'bytes',
      first.length,
      'errors',
      parsed.errors ? JSON.stringify(parsed.errors).slice(0, 300) : 'none',
    );
    for (let w = 0; w < 30; w++) await (await fetch(r.url, { method: 'POST', headers: r.headers, body: r.body })).text();
    const perRun = [];
    const cpu = { membership: [], arrangements: [], gateway: [] };
    const windowStart = Number(process.hrtime.bigint() / 1000n);
    for (let run = 0; run < runs; run++) {
      const c0 = Object.fromEntries(Object.keys(cpu).map((n) => [n, cpuMs(n)]));
      const t0 = performance.now();
      for (let i = 0; i < requests; i++) await (await fetch(r.url, { method: 'POST', headers: r.headers, body: r.body })).text();
      perRun.push((performance.now() - t0) / requests);
      for (const n of Object.keys(cpu)) cpu[n].push((cpuMs(n) - c0[n]) / requests);
    }
    fs.appendFileSync(`/tmp/per-object/windows-${label}.txt`, `${j} ${windowStart} ${Number(process.hrtime.bigint() / 1000n)}\n`);
    const sorted = [...perRun].sort((a, b) => a - b);
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    results[j] = {
      median: sorted[Math.floor(sorted.length / 2)],
      runs: perRun.map((x) => +x.toFixed(2)),
      cpuMedian: Object.fromEntries(Object.entries(cpu).map(([n, xs]) => [n, +med(xs).toFixed(2)])),
      cpuRuns: cpu,
    };
    console.log(j, 'cpu ms/request median', JSON.stringify(results[j].cpuMedian));
    console.log(
      j,
      'ms/request median',
      results[j].median.toFixed(2),
      'runs',
      results[j].runs.join(' '),
      'loadavg',
      fs.readFileSync('/proc/loadavg', 'utf8').trim(),
    );
  }
  for (const c of children) c.kill('SIGINT');
  await new Promise((r) => setTimeout(r, 3000));
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 2000));
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  fs.appendFileSync('/tmp/per-object/results.jsonl', JSON.stringify({ label, at: new Date().toISOString(), results }) + '\n');
})().catch((e) => {
  console.error(e);
  for (const c of children) c.kill('SIGKILL');
  process.exit(1);
});
