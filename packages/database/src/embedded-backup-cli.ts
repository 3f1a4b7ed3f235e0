/**
 * `scripts/backup.sh` and `scripts/restore.sh` without DATABASE_URL: the embedded database in
 * EMBEDDED_DATA_DIR (default .data/pglite).
 *
 *   node packages/database/dist/embedded-backup-cli.js backup <file>
 *   node packages/database/dist/embedded-backup-cli.js restore <file>
 */
import { loadConfig } from '@safeguarding/config';
import { backUpEmbeddedDatabase, EmbeddedBackupError, restoreEmbeddedDatabase } from './embedded-backup';

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  const dataDirectory = loadConfig().embedded.dataDirectory;
  if (!file || (command !== 'backup' && command !== 'restore')) {
    throw new EmbeddedBackupError('Usage: embedded-backup-cli.js backup|restore <file>');
  }
  if (command === 'backup') {
    await backUpEmbeddedDatabase(dataDirectory, file);
    console.log(file);
  } else {
    await restoreEmbeddedDatabase(file, dataDirectory);
    console.log(`restored ${file} into ${dataDirectory}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  // 2: the caller's mistake (no database, in use, not a backup); 1: anything else.
  process.exit(error instanceof EmbeddedBackupError ? 2 : 1);
});
