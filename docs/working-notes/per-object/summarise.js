// node summarise.js <file.cpuprofile> [top]: self time by function and by file.
const fs = require('node:fs');
const profile = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
const from = Number(process.argv[4] ?? 0),
  to = Number(process.argv[5] ?? Infinity);
let clock = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  clock += dt[i] ?? 0;
  if (clock < from || clock > to) continue;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map(),
  byFile = new Map();
for (const [id, t] of self) {
  const f = byId.get(id).callFrame;
  const file = (f.url || '(native)')
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, 'nm/')
    .replace(/.*\/wt\/per-object\//, '');
  const fn = `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
  const pkg = file.startsWith('nm/')
    ? file
        .split('/')
        .slice(0, file.split('/')[1].startsWith('@') ? 3 : 2)
        .join('/')
    : file;
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + t);
}
const idleish = ['(idle)', '(program)', '(garbage collector)'];
const print = (title, map) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`);
};
print('self time by function', byFunction);
print('self time by file/package', byFile);
