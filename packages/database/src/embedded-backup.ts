import fs from 'node:fs';
import path from 'node:path';

/**
 * Backup and restore of the embedded database (PGlite), which pg_dump cannot read (PGlite reports
 * PostgreSQL 18): PGlite's own dump of its data directory, a gzipped tar (`dumpDataDir`), loaded
 * back with `loadDataDir`. It restores into the same PGlite version (package.json pins it).
 *
 * The embedded server must be stopped: PGlite is one process's database, and a second one opening
 * the folder would corrupt it. While it runs, its folder holds postmaster.pid.
 */
export class EmbeddedBackupError extends Error {}

function refuseWhileRunning(dataDirectory: string): void {
  if (fs.existsSync(path.join(dataDirectory, 'postmaster.pid'))) {
    throw new EmbeddedBackupError(
      `The embedded database in ${dataDirectory} is in use (postmaster.pid is there): stop "npm start" first, then run this again. If nothing runs, a crash left the file behind: delete it.`,
    );
  }
}

/** Writes the embedded database in `dataDirectory` to `file`; checks it loads before keeping it. */
export async function backUpEmbeddedDatabase(dataDirectory: string, file: string): Promise<void> {
  if (!fs.existsSync(path.join(dataDirectory, 'PG_VERSION'))) {
    throw new EmbeddedBackupError(`There is no embedded database in ${dataDirectory} (set EMBEDDED_DATA_DIR, or DATABASE_URL to back up a server).`);
  }
  refuseWhileRunning(dataDirectory);
  const { PGlite } = await import('@electric-sql/pglite');
  const database = await PGlite.create(dataDirectory);
  let dump: Blob;
  try {
    dump = await database.dumpDataDir('gzip');
  } finally {
    await database.close();
  }
  const bytes = Buffer.from(await dump.arrayBuffer());
  // A dump that does not load is no backup.
  const check = await PGlite.create({ loadDataDir: new Blob([bytes]) });
  try {
    await check.query('SELECT 1');
  } finally {
    await check.close();
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, bytes);
  fs.renameSync(partial, file);
}

/**
 * Replaces the embedded database in `dataDirectory` with the backup in `file`. The backup is
 * loaded into a new folder first, so a bad file leaves the database as it was.
 */
export async function restoreEmbeddedDatabase(file: string, dataDirectory: string): Promise<void> {
  if (!fs.existsSync(file)) throw new EmbeddedBackupError(`No backup file ${file}; give one made by scripts/backup.sh.`);
  if (fs.existsSync(dataDirectory)) refuseWhileRunning(dataDirectory);
  const staging = `${dataDirectory}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(path.resolve(dataDirectory)), { recursive: true });
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const database = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([fs.readFileSync(file)]) });
    try {
      await database.query('SELECT 1');
    } finally {
      await database.close();
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new EmbeddedBackupError(
      `${file} is not a backup of the embedded database (${error instanceof Error ? error.message : String(error)}); nothing was changed.`,
    );
  }
  const previous = `${dataDirectory}.replaced`;
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(dataDirectory)) fs.renameSync(dataDirectory, previous);
  fs.renameSync(staging, dataDirectory);
  fs.rmSync(previous, { recursive: true, force: true });
}
