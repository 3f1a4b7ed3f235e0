// node pair.js <labelA> <rootA> <labelB> <rootB> [rounds] [requests]
// Starts membership from both trees side by side (production, as the bench does) and sends each the
// two journeys' membership requests directly, alternating A and B run by run; prints membership CPU ms/request.
const path = require('node:path');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const [labelA, rootA, labelB, rootB] = process.argv.slice(2, 6);
const rounds = Number(process.argv[6] ?? 8);
const requests = Number(process.argv[7] ?? 40);
const { createRequire } = require('node:module');
const req = createRequire(path.join(rootA, 'bench', 'package.json'));
const auth = req('@safeguarding/auth');
const { NODE_PROCESS_FLAGS } = req('@safeguarding/config');
const pg = req('pg');
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/per_object_bench';
const ENV = {
  NODE_ENV: 'production',
  USER_TOKEN_SECRET: 'bench-only-user-token-secret-never-used-outside-the-bench',
  GATEWAY_SECRET: 'bench-only-gateway-secret-never-used-outside-the-bench',
};
const children = [];
function start(root, port) {
  const env = { ...process.env, ...ENV, DATABASE_URL, SEED_ON_START: 'false', LOG_LEVEL: 'warn', MEMBERSHIP_PORT: String(port) };
  const extra = process.env.PROF_DIR ? ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${process.env.PROF_DIR}/${port}`] : [];
  const child = spawn(process.execPath, [...NODE_PROCESS_FLAGS, ...extra, path.join(root, 'services', 'membership', 'dist', 'main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}
const cpuMs = (pid) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
async function waitFor(url) {
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('not ready ' + url);
}
const grants = [{ role: 'analyst', partnershipSlug: null }];
const QUERIES = {
  structure: `query Structure__membership__1($representations: [_Any!]!, $asOf: Date) { _entities(representations: $representations) { ... on Body { __typename members(asOf: $asOf) { role organisation { id name sector } } } } }`,
  entities: `query EntitiesDirect($representations: [_Any!]!, $asOf: Date) { _entities(representations: $representations) { ... on Body { id members(asOf: $asOf) { role } } } }`,
};
(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const ids = (await client.query(`SELECT body_id FROM arrangements.body_partnership WHERE partnership_id = 'bench-0001' ORDER BY body_id`)).rows.map(
    (r) => r.body_id,
  );
  await client.end();
  const sides = [
    { label: labelA, root: rootA, port: 4790 },
    { label: labelB, root: rootB, port: 4791 },
  ];
  for (const side of sides) side.child = start(side.root, side.port);
  await Promise.all(sides.map((side) => waitFor(`http://127.0.0.1:${side.port}/ready`)));
  const send = async (side, journey) => {
    const headers = {
      'content-type': 'application/json',
      [auth.GATEWAY_ASSERTION_HEADER]: auth.signGatewayAssertion(ENV.GATEWAY_SECRET, { subject: 'bench', grants }),
    };
    const body = JSON.stringify({ query: QUERIES[journey], variables: { representations: ids.map((id) => ({ __typename: 'Body', id })), asOf: '2026-11-01' } });
    const response = await fetch(`http://127.0.0.1:${side.port}/graphql`, { method: 'POST', headers, body });
    side.statements = response.headers.get('x-sql-statements');
    return response.text();
  };
  const crypto = require('node:crypto');
  for (const journey of Object.keys(QUERIES)) {
    const answers = [];
    for (const side of sides) {
      answers.push(await send(side, journey));
      for (let w = 0; w < 30; w++) await send(side, journey);
    }
    const same = answers[0] === answers[1];
    console.log(journey, 'x-sql-statements', sides.map((side) => `${side.label}=${side.statements}`).join(' '));
    const sha = crypto.createHash('sha1').update(answers[0]).digest('hex').slice(0, 12);
    const cpu = { [labelA]: [], [labelB]: [] },
      wall = { [labelA]: [], [labelB]: [] };
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        const c0 = cpuMs(side.child.pid),
          t0 = performance.now();
        for (let i = 0; i < requests; i++) await send(side, journey);
        cpu[side.label].push((cpuMs(side.child.pid) - c0) / requests);
        wall[side.label].push((performance.now() - t0) / requests);
      }
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const line = {
      journey,
      sameAnswer: same,
      sha,
      bytes: answers[0].length,
      loadavg: fs.readFileSync('/proc/loadavg', 'utf8').trim(),
      cpuMedian: { [labelA]: med(cpu[labelA]), [labelB]: med(cpu[labelB]) },
      wallMedian: { [labelA]: +med(wall[labelA]).toFixed(2), [labelB]: +med(wall[labelB]).toFixed(2) },
      ratioOfMedians: +(med(cpu[labelB]) / med(cpu[labelA])).toFixed(3),
      cpu,
    };
    console.log(JSON.stringify(line));
    fs.appendFileSync('/tmp/per-object/pairs.jsonl', JSON.stringify({ at: new Date().toISOString(), labelA, labelB, ...line }) + '\n');
  }
  for (const c of children) c.kill('SIGINT');
  await new Promise((r) => setTimeout(r, 1500));
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
})().catch((e) => {
  console.error(e);
  for (const c of children) c.kill('SIGKILL');
  process.exit(1);
});
