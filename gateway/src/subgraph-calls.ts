import { AsyncLocalStorage } from 'node:async_hooks';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import CircuitBreaker from 'opossum';
import type pino from 'pino';
import { Agent, fetch as undiciFetch } from 'undici';
import { DEFAULT_SUBGRAPH_CALLS, type SubgraphCallSettings } from '@safeguarding/config';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = Parameters<Fetcher>[1];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * How the gateway's calls to one subgraph are made: undici with a deadline per call, one retry of
 * a query whose connection broke, and a circuit breaker that skips a subgraph that keeps failing.
 *
 * Why undici and not Apollo's default (make-fetch-happen): its agent kept idle sockets open past
 * the subgraph server's keep-alive timeout (Node's 5 s), so a request sent on a socket at the
 * moment the server closed it failed with a reset between two healthy processes. undici reads the
 * server's `Keep-Alive: timeout=N` and stops using a socket two seconds before N; the subgraphs
 * also keep idle sockets longer than the agent does (packages/subgraph-runtime/src/server.ts).
 */

/** What kind of operation the current call belongs to; set by SubgraphDataSource.process. */
export const subgraphCallScope = new AsyncLocalStorage<{ mutation: boolean }>();

/** The breaker's thresholds: at least this many calls in the window, and more than half failing. */
const CIRCUIT = { volumeThreshold: 5, errorThresholdPercentage: 50 } as const;

/**
 * The window the breaker counts calls in: long enough to hold the calls that open it even when
 * each waited its whole deadline (with 10 s and a 5 s deadline, a frozen subgraph met by one
 * client at a time never reached 5 calls in the window, and was never skipped).
 */
function countingWindow(deadlineMilliseconds: number): number {
  return Math.ceil(Math.max(10_000, (CIRCUIT.volumeThreshold + 1) * deadlineMilliseconds) / 1000) * 1000;
}
/** How long a half-open probe of /ready may take. */
const READY_PROBE_MILLISECONDS = 1000;
/** Failures of the connection itself, where a query can safely be sent again. */
const CONNECTION_FAILURES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** Thrown when a call fails for a transport reason; SubgraphDataSource turns it into SUBGRAPH_UNAVAILABLE. */
export class SubgraphCallError extends Error {}

/** A 5xx answer: counted as a failure by the breaker, then handed back as the response it was. */
class FailedAnswer extends Error {
  constructor(readonly response: FetcherResponse) {
    super(`answered ${response.status}`);
  }
}

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code;
}

export interface SubgraphCaller {
  fetcher: Fetcher;
  /** closed, open or halfOpen: for logs and tests. */
  state(): 'closed' | 'open' | 'halfOpen';
  close(): Promise<void>;
}

/**
 * One per subgraph. Bounded while a subgraph is frozen: each call is aborted at its deadline
 * (undici then destroys the socket), at most `connections` sockets are open to the subgraph, and
 * once the breaker opens calls fail at once without touching the network.
 */
export function createSubgraphCaller(
  subgraphName: string,
  url: string,
  settings: SubgraphCallSettings = DEFAULT_SUBGRAPH_CALLS,
  logger?: pino.Logger,
): SubgraphCaller {
  const agent = new Agent({
    // Used when the server sends no Keep-Alive hint; shorter than any subgraph's keep-alive timeout.
    keepAliveTimeout: 4000,
    keepAliveMaxTimeout: 10_000,
    connections: 256,
    connect: { timeout: Math.min(settings.deadlineMilliseconds, 5000) },
  });
  const readyUrl = url.replace(/\/graphql$/, '/ready');

  const send = async (input: string, init: FetcherRequestInit | undefined, signal: AbortSignal): Promise<FetcherResponse> =>
    await undiciFetch(input, { ...(init as object), signal, dispatcher: agent });

  const call = async (input: string, init: FetcherRequestInit | undefined, mutation: boolean): Promise<FetcherResponse> => {
    // Half-open: the one trial call first asks /ready, so a subgraph still frozen or without its
    // database costs this call at most the probe, and the breaker opens again.
    if (breaker.halfOpen) {
      const ready = await undiciFetch(readyUrl, { dispatcher: agent, signal: AbortSignal.timeout(READY_PROBE_MILLISECONDS) }).then(
        async (answer) => {
          await answer.body?.cancel();
          return answer.ok;
        },
        () => false,
      );
      if (!ready) throw new SubgraphCallError(`${subgraphName} is not ready`);
    }
    const signal = AbortSignal.timeout(mutation ? settings.mutationDeadlineMilliseconds : settings.deadlineMilliseconds);
    let response: FetcherResponse;
    try {
      response = await send(input, init, signal);
    } catch (error) {
      // A query whose connection broke under it is sent once more, within the same deadline; a
      // mutation never is, since the subgraph may have applied it.
      if (mutation || signal.aborted || !CONNECTION_FAILURES.has(errorCode(error) ?? '')) throw error;
      logger?.warn({ subgraph: subgraphName, code: errorCode(error) }, 'subgraph connection failed; retrying the query once');
      response = await send(input, init, signal);
    }
    if (response.status >= 500) throw new FailedAnswer(response);
    return response;
  };

  const breaker = new CircuitBreaker(call, {
    name: subgraphName,
    // The deadline is the call's own (an AbortSignal), so the request is really abandoned.
    timeout: false,
    resetTimeout: settings.circuitResetMilliseconds,
    rollingCountTimeout: countingWindow(settings.deadlineMilliseconds),
    ...CIRCUIT,
  });
  breaker.on('open', () => logger?.warn({ subgraph: subgraphName }, 'subgraph keeps failing: skipping it until /ready answers'));
  breaker.on('close', () => logger?.info({ subgraph: subgraphName }, 'subgraph answers again'));

  const fetcher = (async (input: string, init?: FetcherRequestInit) => {
    const mutation = subgraphCallScope.getStore()?.mutation ?? false;
    try {
      return await breaker.fire(input, init, mutation);
    } catch (error) {
      if (error instanceof FailedAnswer) return error.response;
      if ((error as { code?: string }).code === 'EOPENBREAKER') throw new SubgraphCallError(`${subgraphName} is skipped while it keeps failing`);
      throw error;
    }
  }) as Fetcher;

  return {
    fetcher,
    state: () => (breaker.opened ? 'open' : breaker.halfOpen ? 'halfOpen' : 'closed'),
    async close() {
      breaker.shutdown();
      await agent.close();
    },
  };
}
