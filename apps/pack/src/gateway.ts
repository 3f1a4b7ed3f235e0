import { loadConfig } from '@safeguarding/config';

/** The gateway `npm start` runs, from the same settings (GATEWAY_HOST, GATEWAY_PORT). */
export function defaultGatewayUrl(environment: NodeJS.ProcessEnv = process.env): string {
  const { host, port } = loadConfig(environment).gateway;
  // A gateway listening on every interface is reached on this machine through the loopback.
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}/graphql`;
}

/** One error of a GraphQL answer, as the gateway gives it. */
export interface GatewayError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; problems?: unknown; [key: string]: unknown };
}

/** The gateway did not answer (or answered something that is not GraphQL): the command cannot go on. */
export class GatewayUnavailable extends Error {}

/** The gateway answered the operation with errors and no usable data. */
export class GatewayRefusal extends Error {
  constructor(readonly errors: GatewayError[]) {
    super(errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; '));
  }
}

export interface GatewayClientOptions {
  url: string;
  /** A user token (JWT); omitted, the gateway treats the caller as the anonymous public reader. */
  token?: string;
  /** How long to wait for one answer; a section of a large partnership is applied in one call. */
  timeoutMilliseconds?: number;
}

/** Posts GraphQL operations to the gateway as any client does (JSON, Authorization: Bearer). */
export class GatewayClient {
  constructor(private readonly options: GatewayClientOptions) {}

  get url(): string {
    return this.options.url;
  }

  /** The operation's data; a GatewayRefusal when the answer carries errors. */
  async request<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMilliseconds ?? 120_000),
      });
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new GatewayUnavailable(
        `The gateway at ${this.options.url} did not answer (${cause}). Is the platform running? Start it with: npm start ` +
          `(or give another gateway with --gateway <url>).`,
      );
    }
    const body = await response.text();
    let answer: { data?: Data | null; errors?: GatewayError[] };
    try {
      answer = JSON.parse(body) as typeof answer;
    } catch {
      throw new GatewayUnavailable(
        `${this.options.url} answered HTTP ${response.status} with something that is not a GraphQL answer; is it the platform's gateway (.../graphql)?`,
      );
    }
    if (answer.errors && answer.errors.length > 0) throw new GatewayRefusal(answer.errors);
    if (answer.data === undefined || answer.data === null) throw new GatewayUnavailable(`${this.options.url} answered HTTP ${response.status} with no data.`);
    return answer.data;
  }
}
