#!/usr/bin/env node
/**
 * Fails when a source file is not part of its package's build hash: turbo would then skip the
 * build after that file changes and `npm start` would run a stale dist/. Compares turbo's dry run
 * (the files each `build` task hashes) with the files git tracks in each package.
 */
import { execFileSync } from 'node:child_process';

const dry = JSON.parse(execFileSync('npx', ['turbo', 'run', 'build', '--dry=json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
const problems = [];
for (const task of dry.tasks.filter((entry) => entry.task === 'build')) {
  const hashed = new Set(Object.keys(task.inputs));
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', task.directory], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((file) => file.slice(task.directory.length + 1));
  const missing = tracked.filter((file) => !hashed.has(file));
  if (missing.length > 0) problems.push(`${task.package}: ${missing.length} file(s) not in the build hash, e.g. ${missing.slice(0, 5).join(', ')}`);
}
if (problems.length > 0) {
  console.error(`Build inputs miss source files (use "$TURBO_DEFAULT$" in turbo.json):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Build inputs cover every tracked file in ${dry.tasks.filter((entry) => entry.task === 'build').length} packages.`);
