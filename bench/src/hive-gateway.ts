import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler as rustPlannerHandler } from '@graphql-hive/router-runtime';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { composeServices } from '@theguild/federation-composition';
import { readSchemaFolder, withContractTypes } from '@safeguarding/federation-contract';
import { ANONYMOUS_CALLER, type Caller, GATEWAY_ASSERTION_HEADER, signGatewayAssertion, verifyUserToken } from '@safeguarding/auth';
import { loadConfig, REPOSITORY_ROOT, SUBGRAPHS } from '@safeguarding/config';

/**
 * The peer gateway: Hive Gateway's runtime (@graphql-hive/gateway-runtime) on a supergraph that
 * @theguild/federation-composition composes from the same subgraph SDL files. Like the Apollo
 * gateway, it reads the caller from the bearer token (verified once per request) and sends the
 * gateway's signed assertion to every subgraph (header propagation, fromClientToSubgraphs).
 * No query limits, rate limit or persisted queries: those are the Apollo gateway's extra work.
 */
export function composeHiveSupergraph(subgraphUrls: Record<string, string>): string {
  const result = composeServices(
    Object.entries(subgraphUrls).map(([name, url]) => ({
      name,
      url,
      typeDefs: withContractTypes(readSchemaFolder(path.join(REPOSITORY_ROOT, 'services', name, 'schema'))),
    })),
  );
  if (result.errors) throw new Error(`The subgraphs do not compose for Hive:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  return result.supergraphSdl;
}

/**
 * Works around a bug in the stitching engine under Hive's runtime (@graphql-tools/stitch 10.3):
 * a value type returned only by `@requires` fields, in more than one subgraph, is marked
 * "canonical" once per subgraph, and the engine then refuses the whole supergraph with
 * "Multiple canonical definitions for AgendaCandidate" (membership's and training's agenda
 * sections). Our AgendaCandidate is @shareable and identical everywhere, so any one definition
 * is the right one. The runtime offers no option for this, so the federation module's entry
 * point is wrapped once to add a candidate merger that picks the first of several canonical
 * definitions when they have the same fields, and still refuses when they differ.
 */
let stitchingPatched = false;
function tolerateIdenticalCanonicalDefinitions(): void {
  if (stitchingPatched) return;
  stitchingPatched = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const federation = require('@graphql-tools/federation') as {
    getStitchedSchemaFromSupergraphSdl(options: { onStitchingOptions?: (options: StitchingOptions) => void }): unknown;
  };
  interface Candidate {
    type: { name: string; getFields?: () => Record<string, unknown> };
    transformedSubschema?: { merge?: Record<string, { canonical?: boolean }> };
  }
  interface StitchingOptions {
    typeMergingOptions?: { typeCandidateMerger?: (candidates: Candidate[]) => Candidate };
  }
  const original = federation.getStitchedSchemaFromSupergraphSdl.bind(federation);
  federation.getStitchedSchemaFromSupergraphSdl = (options) =>
    original({
      ...options,
      onStitchingOptions(stitching) {
        options.onStitchingOptions?.(stitching);
        stitching.typeMergingOptions = {
          ...stitching.typeMergingOptions,
          typeCandidateMerger(candidates) {
            const canonical = candidates.filter((candidate) => candidate.transformedSubschema?.merge?.[candidate.type.name]?.canonical);
            const fields = (candidate: Candidate) =>
              Object.keys(candidate.type.getFields?.() ?? {})
                .sort()
                .join(',');
            if (canonical.length > 1 && canonical.some((candidate) => fields(candidate) !== fields(canonical[0]!))) {
              throw new Error(`Multiple canonical definitions for "${canonical[0]!.type.name}" with different fields`);
            }
            // As the engine's default merger: the canonical one, else the last.
            return canonical[0] ?? candidates[candidates.length - 1]!;
          },
        };
      },
    });
}

export interface HiveGateway {
  server: http.Server;
  listen(port: number): Promise<string>;
  stop(): Promise<void>;
}

export interface HiveGatewayOptions {
  subgraphUrls: Record<string, string>;
  userTokenSecret: string;
  gatewaySecret: string;
  /**
   * Hive's HTTP executor collapses identical subgraph requests in flight (its default). Off by
   * default here: the bench's 20 clients send the same query with the same credentials, which
   * would turn 20 subgraph calls into one and measure the collapse, not the gateway. HIVE_DEDUPE=true
   * turns it back on.
   */
  deduplicateInflightRequests?: boolean;
  /**
   * Who plans the subgraph calls: `stitching` (the runtime's default, @graphql-tools/stitch) or
   * `rust` (@graphql-hive/router-runtime: the Hive Router's query planner, a native addon). The
   * rest (transport, caller check, signed assertion, supergraph) is the same for both, so the two
   * rows differ only by the planner and plan executor.
   */
  planner?: 'stitching' | 'rust';
}

export function createHiveGateway(options: HiveGatewayOptions): HiveGateway {
  const callers = new WeakMap<Request, Caller>();
  const callerOf = (request: Request): Caller => {
    let caller = callers.get(request);
    if (!caller) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
      caller = match ? verifyUserToken(match[1]!, options.userTokenSecret) : ANONYMOUS_CALLER;
      callers.set(request, caller);
    }
    return caller;
  };
  // Needed by the Rust planner too: its handler still builds the stitched subschemas (through the
  // same federation module) at its first subgraph call, and without this every query fails there
  // with "Multiple canonical definitions for AgendaCandidate" (tried: HTTP 500 on the agenda journey).
  tolerateIdenticalCanonicalDefinitions();
  const runtime = createGatewayRuntime({
    supergraph: composeHiveSupergraph(options.subgraphUrls),
    logging: false,
    ...(options.planner === 'rust' ? { unifiedGraphHandler: rustPlannerHandler } : {}),
    // The HTTP transport, as @graphql-mesh/transport-http would build it (that package is not
    // installed: the runtime loads it by name on first use). It fetches with the runtime's own
    // fetch, so the header propagation below applies.
    transports: {
      http: {
        getSubgraphExecutor: ({ transportEntry, fetch }) =>
          buildHTTPExecutor({
            endpoint: transportEntry.location,
            fetch: fetch as never,
            headers: transportEntry.headers as never,
            deduplicateInflightRequests: options.deduplicateInflightRequests ?? false,
          }),
      },
    },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ [GATEWAY_ASSERTION_HEADER]: signGatewayAssertion(options.gatewaySecret, callerOf(request)) }),
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the Hive runtime is a Node request listener that answers its own errors.
  const server = http.createServer(runtime);
  return {
    server,
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`));
      }),
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await runtime.dispose();
    },
  };
}

/**
 * As a process: HIVE_PORT, and the subgraph ports from the usual <NAME>_PORT variables;
 * HIVE_PLANNER=rust for the Rust query planner (stitching otherwise).
 */
if (require.main === module) {
  const config = loadConfig();
  const present = SUBGRAPHS.filter(({ name }) => fs.existsSync(path.join(REPOSITORY_ROOT, 'services', name, 'dist', 'index.js')));
  const gateway = createHiveGateway({
    subgraphUrls: Object.fromEntries(present.map(({ name }) => [name, `http://127.0.0.1:${config.subgraphPorts[name]}/graphql`])),
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    deduplicateInflightRequests: process.env.HIVE_DEDUPE === 'true',
    planner: process.env.HIVE_PLANNER === 'rust' ? 'rust' : 'stitching',
  });
  gateway.listen(Number(process.env.HIVE_PORT ?? 4110)).then(
    (url) => console.log(`Hive gateway (${process.env.HIVE_PLANNER === 'rust' ? 'Rust planner' : 'stitching'}) ready: ${url}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
  const stop = () => {
    setTimeout(() => process.exit(0), 3000).unref();
    void gateway.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
