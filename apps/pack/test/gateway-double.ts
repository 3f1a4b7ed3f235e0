import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the command sent. */
export interface SentOperation {
  query: string;
  variables: Record<string, unknown>;
  authorization: string | undefined;
}

/** How the double answers an operation: the JSON body the gateway would send. */
export type Answer = (operation: SentOperation) => { data?: unknown; errors?: unknown[] };

/**
 * An HTTP server standing in for the gateway in the command's own tests: it answers each
 * operation as the test scripts it and keeps what was sent, so the command's order, stopping and
 * printing can be checked exactly. The real gateway is exercised in end-to-end.test.ts.
 */
export async function startGatewayDouble(answer: Answer): Promise<{ url: string; sent: SentOperation[]; stop(): Promise<void> }> {
  const sent: SentOperation[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
      const operation = { query: body.query, variables: body.variables ?? {}, authorization: request.headers.authorization };
      sent.push(operation);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer(operation)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    sent,
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The field an operation asks for first, e.g. applyMembershipPackSection. */
export function operationField(query: string): string {
  return /\{\s*([A-Za-z]+)\s*\(/.exec(query)?.[1] ?? /\{\s*([A-Za-z]+)/.exec(query)![1]!;
}

/** An empty platform-ids answer: the repository's packs alone are what references resolve to. */
export const NO_PLATFORM_IDS = { partnerships: [], organisations: [], themes: [], regionalLevels: [], regionalProcedures: [], thresholdModels: [] };
