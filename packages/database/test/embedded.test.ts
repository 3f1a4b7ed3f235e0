import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src';

/** The embedded server keeps its data across a restart and serves several pg clients at once. */
it('keeps data in its folder across a restart', async () => {
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-test-'));
  try {
    const first = await startEmbeddedPostgres({ dataDirectory, port: 0 });
    const writer = new Client({ connectionString: first.url });
    await writer.connect();
    await writer.query('CREATE TABLE kept (note text)');
    await writer.query(`INSERT INTO kept VALUES ('survives a restart')`);
    await writer.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDirectory, port: 0 });
    const reader = new Client({ connectionString: second.url });
    await reader.connect();
    const { rows } = await reader.query('SELECT note FROM kept');
    await reader.end();
    await second.stop();
    expect(rows).toEqual([{ note: 'survives a restart' }]);
  } finally {
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  }
});

it('answers several clients at once, one statement at a time', async () => {
  const server = await startEmbeddedPostgres({ port: 0, maxConnections: 4 });
  const clients = await Promise.all(
    [1, 2, 3].map(async () => {
      const client = new Client({ connectionString: server.url });
      await client.connect();
      return client;
    }),
  );
  try {
    const answers = await Promise.all(clients.map((client, index) => client.query('SELECT $1::int AS n', [index])));
    expect(answers.map((answer) => answer.rows[0].n)).toEqual([0, 1, 2]);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
    await server.stop();
  }
});
