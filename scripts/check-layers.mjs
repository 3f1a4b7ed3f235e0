#!/usr/bin/env node
/**
 * Imports only run down: a library in packages/ never imports a subgraph (services/), the
 * gateway, an app (apps/), a client of the API (clients/: the client kit), a tool (tools/) or the
 * bench, neither through its package.json nor through a relative path out of packages/. Fails
 * naming each file and import that does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const above = ['services', 'gateway', 'apps', 'clients', 'tools', 'bench'];
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const workspaceFolders = (folder) =>
  fs.existsSync(path.join(root, folder, 'package.json'))
    ? [path.join(root, folder)]
    : fs.existsSync(path.join(root, folder))
      ? fs
          .readdirSync(path.join(root, folder))
          .map((name) => path.join(root, folder, name))
          .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
      : [];
const forbiddenNames = new Set(above.flatMap(workspaceFolders).map((dir) => readJson(path.join(dir, 'package.json')).name));

const problems = [];
for (const dir of workspaceFolders('packages')) {
  const manifest = readJson(path.join(dir, 'package.json'));
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    for (const name of Object.keys(manifest[field] ?? {}))
      if (forbiddenNames.has(name)) problems.push(`${path.relative(root, dir)}/package.json: ${field} names ${name}`);
  }
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(c|m)?[jt]s$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !/(^|[/\\])(node_modules|dist|generated)[/\\]/.test(path.relative(dir, file)));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
      const bare = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      const outside = specifier.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep)[0] : undefined;
      if (forbiddenNames.has(bare) || (outside && above.includes(outside))) problems.push(`${path.relative(root, file)}: imports ${specifier}`);
    }
    // A path built into a subgraph, app, client or tool (path.join(REPOSITORY_ROOT, 'services', ...)) is an import too. Not
    // the gateway: config's default for the gateway's persisted-operations manifest names a data file, not code.
    for (const [match] of text.matchAll(/REPOSITORY_ROOT\s*,\s*['"](services|apps|clients|tools)['"]/g))
      problems.push(`${path.relative(root, file)}: builds a path into ${match.split(/['"]/)[1]}/`);
  }
}
if (problems.length > 0) {
  console.error(`Libraries in packages/ import what sits above them (move the code down, or the importer up):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`No package in packages/ imports a subgraph, the gateway, an app, a client, a tool or the bench (${forbiddenNames.size} names checked).`);
