import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { createSubgraphDataSource, openSubgraphDatabaseWithRoles, startEmbeddedPostgres } from '@safeguarding/database';
import { presentSubgraphs } from '@safeguarding/gateway';
import { loadSubgraphModule, type SubgraphLoader } from './subgraph-module';

/**
 * One migrated and seeded database per version of the migrations and seed, which each test file
 * copies instead of migrating and seeding its own (that took most of a test file's time).
 *
 * The template's name carries a hash of every file the migrations, entities and seed are made of,
 * so a changed migration or seed row gets a new template and a stale one is never copied. Templates
 * are kept between runs: the first run after a change builds one, later runs only copy it.
 *
 * - On a real server it is a database, `safeguarding_template_<hash>`, copied per test file with
 *   `CREATE DATABASE ... TEMPLATE`.
 * - On the embedded path it is a PGlite data directory dumped to
 *   `node_modules/.cache/safeguarding-test-databases/<hash>.tar`, loaded into each test file's own
 *   in-memory PGlite.
 */

/** Bump to rebuild every template when what a template holds changes without a source file changing. */
const TEMPLATE_FORMAT = 1;
const TEMPLATE_PREFIX = 'safeguarding_template_';
/** Templates of other hashes (other branches, older code) are dropped once unused this long. */
const STALE_TEMPLATE_MILLISECONDS = 24 * 60 * 60_000;
const CACHE_DIRECTORY = path.join(REPOSITORY_ROOT, 'node_modules', '.cache', 'safeguarding-test-databases');

/** Every source file the migrations, entities and seeds are made of, with the packages they import. */
export function templateSourceHash(): string {
  const files = new Set<string>();
  const packages = new Set<string>(['database']);
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
      if (specifier!.startsWith('.')) {
        const resolved = resolveSource(path.resolve(path.dirname(file), specifier!));
        if (resolved) visit(resolved);
      } else if (specifier!.startsWith('@safeguarding/')) packages.add(specifier!.slice('@safeguarding/'.length).split('/')[0]!);
    }
  };
  const subgraphs = presentSubgraphs().map(({ name }) => name);
  for (const name of subgraphs) {
    const root = path.join(REPOSITORY_ROOT, 'services', name);
    for (const folder of ['migrations', 'entities', 'seed']) for (const file of sourceFiles(path.join(root, folder))) visit(file);
  }
  for (const name of packages) {
    const folder = path.join(REPOSITORY_ROOT, 'packages', name, 'src');
    for (const file of sourceFiles(folder)) files.add(file);
  }
  // The seed loads the partnership packs: a changed fact is a new template.
  for (const entry of fs.readdirSync(path.join(REPOSITORY_ROOT, 'packs'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.add(path.join(entry.parentPath, entry.name));
  }
  const hash = createHash('sha256').update(`format ${TEMPLATE_FORMAT}\nsubgraphs ${subgraphs.join(',')}\n`);
  for (const file of [...files].sort())
    hash
      .update(`${path.relative(REPOSITORY_ROOT, file)}\n`)
      .update(fs.readFileSync(file))
      .update('\n');
  return hash.digest('hex').slice(0, 16);
}

function resolveSource(base: string): string | undefined {
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function sourceFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|json|csv|txt|md)$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Migrates and seeds every present subgraph into the database at `url`, the way a test federation
 * does (migrations as the schema's owner where the server has roles, the seed as the server's own
 * role), and closes every connection it opened.
 */
export async function migrateAndSeedEverySubgraph(url: string, poolSize: number, load: SubgraphLoader = loadSubgraphModule): Promise<void> {
  for (const { name } of presentSubgraphs()) {
    const module = load(name);
    const databaseOptions = {
      url,
      schema: module.databaseSchema,
      entities: module.entities,
      migrations: module.migrations,
      poolSize,
      applicationName: `test-template-${name}`,
    };
    const opened = await openSubgraphDatabaseWithRoles(databaseOptions);
    try {
      if (!opened.roles) await module.seed(opened.dataSource);
      else {
        const seeder = createSubgraphDataSource({ ...databaseOptions, poolSize: 1 });
        await seeder.initialize();
        try {
          await module.seed(seeder);
        } finally {
          await seeder.destroy();
        }
      }
    } finally {
      await opened.dataSource.destroy();
    }
  }
}

// ---- real server --------------------------------------------------------------------------------

const serverTemplates = new Map<string, Promise<string>>();

/** The template database's name on the server at `serverUrl`, built first if missing. */
export function serverTemplate(serverUrl: string, load: SubgraphLoader = loadSubgraphModule): Promise<string> {
  let template = serverTemplates.get(serverUrl);
  if (!template) {
    template = buildServerTemplate(serverUrl, load);
    template.catch(() => serverTemplates.delete(serverUrl));
    serverTemplates.set(serverUrl, template);
  }
  return template;
}

/** Forget the template (another run dropped it); the next `serverTemplate` checks again. */
export function forgetServerTemplate(serverUrl: string): void {
  serverTemplates.delete(serverUrl);
}

async function buildServerTemplate(serverUrl: string, load: SubgraphLoader): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${templateSourceHash()}`;
  const admin = new Client({ connectionString: serverUrl, application_name: 'test-template' });
  await admin.connect();
  try {
    // Test files of one run (and of runs in other checkouts) ask at once: one builds, the others wait.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) await buildInto(admin, serverUrl, name, load);
      await admin.query(`COMMENT ON DATABASE "${name}" IS '${new Date().toISOString()}'`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
    await dropStaleTemplates(admin, name);
  } finally {
    await admin.end();
  }
  return name;
}

/** Builds under a partial name and renames when done, so a run that dies midway leaves no half template behind the real name. */
async function buildInto(admin: Client, serverUrl: string, name: string, load: SubgraphLoader): Promise<void> {
  const partial = `${name}_partial`;
  await admin.query(`DROP DATABASE IF EXISTS "${partial}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${partial}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${partial}`;
  await migrateAndSeedEverySubgraph(url.toString(), 1, load);
  await admin.query(`ALTER DATABASE "${partial}" RENAME TO "${name}"`);
  // No connections (autovacuum's included) to a template: CREATE DATABASE refuses to copy one in use.
  await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
}

/** Drops templates of other hashes not copied for a day; one being copied right now makes DROP fail, and it stays. */
async function dropStaleTemplates(admin: Client, current: string): Promise<void> {
  const { rows } = await admin.query<{ name: string; used: string | null }>(
    `SELECT datname AS name, shobj_description(oid, 'pg_database') AS used FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
    [`${TEMPLATE_PREFIX}%`, current],
  );
  for (const { name, used } of rows) {
    if (name.endsWith('_partial') || !used || Date.now() - Date.parse(used) < STALE_TEMPLATE_MILLISECONDS) continue;
    await admin.query(`ALTER DATABASE "${name}" IS_TEMPLATE false`).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`).catch(() => undefined);
  }
}

/** `CREATE DATABASE name TEMPLATE template`, again when autovacuum or another copy briefly holds the template. */
export async function copyServerTemplate(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const template = await serverTemplate(serverUrl);
    const admin = new Client({ connectionString: serverUrl, application_name: 'test-template-copy' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 10) throw error;
      if (code === '3D000')
        forgetServerTemplate(serverUrl); // dropped as stale by another run: build it again
      else if (code !== '55006') throw error; // 55006: the template is being accessed by other users
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    } finally {
      await admin.end();
    }
  }
}

// ---- embedded -----------------------------------------------------------------------------------

let embeddedTemplate: Promise<Blob> | undefined;

/** The embedded template's data directory, built first if missing. */
export function embeddedTemplateDump(load: SubgraphLoader = loadSubgraphModule): Promise<Blob> {
  if (!embeddedTemplate) {
    embeddedTemplate = loadOrBuildEmbeddedTemplate(load);
    embeddedTemplate.catch(() => (embeddedTemplate = undefined));
  }
  return embeddedTemplate;
}

async function loadOrBuildEmbeddedTemplate(load: SubgraphLoader): Promise<Blob> {
  const hash = templateSourceHash();
  const file = path.join(CACHE_DIRECTORY, `${hash}.tar`);
  fs.mkdirSync(CACHE_DIRECTORY, { recursive: true });
  await withFileLock(path.join(CACHE_DIRECTORY, `${hash}.lock`), async () => {
    if (fs.existsSync(file)) return;
    const embedded = await startEmbeddedPostgres({ port: 0, maxConnections: 12 });
    try {
      await migrateAndSeedEverySubgraph(embedded.url, 1, load);
      const dump = await embedded.dumpDataDirectory();
      const partial = `${file}.${process.pid}.partial`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
    } finally {
      await embedded.stop();
    }
    for (const other of fs.readdirSync(CACHE_DIRECTORY)) {
      if (other.endsWith('.tar') && other !== `${hash}.tar`) fs.rmSync(path.join(CACHE_DIRECTORY, other), { force: true });
    }
  });
  return new Blob([fs.readFileSync(file)]);
}

/**
 * Runs `work` while holding a lock file, so the test files that start together build the template
 * once. A lock left by a process that died is taken over.
 */
async function withFileLock(lockFile: string, work: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8') || 0);
      if (holder && !processIsAlive(holder)) fs.rmSync(lockFile, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A database name no other test file uses. */
export const uniqueDatabaseName = () => `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
