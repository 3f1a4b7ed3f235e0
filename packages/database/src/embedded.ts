import fs from 'node:fs';
import type { AddressInfo, Server } from 'node:net';

/**
 * The embedded PostgreSQL: PGlite (Postgres compiled to WASM) served over the PostgreSQL wire
 * protocol, so every subgraph talks `pg` to it exactly as to a real server.
 *
 * PGlite is one single-user backend. The socket server multiplexes up to `maxConnections` client
 * connections over that one session: statements run one at a time, and while a connection holds
 * a transaction the others wait. Hence one embedded server is shared by all subgraphs, each with
 * a small pool, and the sum of the pools must stay within `maxConnections` (larger pools are
 * dropped with ECONNRESET).
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /**
   * The data directory as an uncompressed tarball, for `loadDataDirectory` (test templates). Only
   * while nothing else queries: the socket server runs one statement at a time, this waits for none.
   */
  dumpDataDirectory(): Promise<Blob>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the data between runs; undefined for a throwaway in-memory database. */
  dataDirectory?: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  maxConnections?: number;
  /** Start from this dump (`dumpDataDirectory`) instead of an empty cluster: in memory, so each start gets its own copy. */
  loadDataDirectory?: Blob;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const host = options.host ?? '127.0.0.1';
  if (options.dataDirectory) fs.mkdirSync(options.dataDirectory, { recursive: true });
  // Loaded here, not at the top: subgraph processes import this package but never run PGlite.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const database = options.dataDirectory
    ? await PGlite.create(options.dataDirectory, options.loadDataDirectory ? { loadDataDir: options.loadDataDirectory } : {})
    : await PGlite.create(options.loadDataDirectory ? { loadDataDir: options.loadDataDirectory } : {});
  const server = new PGLiteSocketServer({
    db: database,
    host,
    port: options.port,
    maxConnections: options.maxConnections ?? 16,
  });
  await server.start();
  // The socket server keeps its net.Server private; read the bound port from it (needed for port 0).
  const netServer = (server as unknown as { server?: Server }).server;
  const port = (netServer?.address() as AddressInfo | null)?.port ?? options.port;
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    port,
    // Uncompressed: loading it is twice as fast as a gzipped one, and it stays on this machine.
    dumpDataDirectory: () => database.dumpDataDir('none'),
    async stop() {
      await server.stop();
      await database.close();
    },
  };
}
