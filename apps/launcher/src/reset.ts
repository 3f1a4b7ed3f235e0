/**
 * `npm run db:reset`: starts over. Embedded: deletes the data folder. With DATABASE_URL: drops
 * every subgraph's schema on that server. The next `npm start` migrates and seeds afresh.
 */
import fs from 'node:fs';
import { Client } from 'pg';
import { loadConfig, SUBGRAPHS } from '@safeguarding/config';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    fs.rmSync(config.embedded.dataDirectory, { recursive: true, force: true });
    console.log(`Deleted the embedded database in ${config.embedded.dataDirectory}; npm start seeds a new one.`);
    return;
  }
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    for (const { name } of SUBGRAPHS) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  } finally {
    await client.end();
  }
  console.log(`Dropped the subgraph schemas (${SUBGRAPHS.map((s) => s.name).join(', ')}); npm start migrates and seeds them again.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
