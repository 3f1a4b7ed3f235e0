import { type Grant, GATEWAY_ASSERTION_HEADER, signGatewayAssertion, signUserToken } from '@safeguarding/auth';
import { type GraphQLRequest, type Journey } from './journeys';
import { Mode, config, ports, subgraphUrl } from './settings';

/** One journey's request for each path, sent and compared. */

export const userToken = (grants: Grant[]) => signUserToken(config.secrets.userToken, 'bench', grants);
/** Valid 60 s: signed afresh before every use. */

export const assertion = (grants: Grant[]) => signGatewayAssertion(config.secrets.gateway, { subject: 'bench', grants });

export function requestFor(journey: Journey, mode: Exclude<Mode, 'sql'>): { url: string; headers: Record<string, string>; body: string } {
  const base = { 'content-type': 'application/json' };
  if (mode === 'direct') {
    const direct = journey.direct!;
    return {
      url: subgraphUrl(direct.subgraph),
      headers: { ...base, [GATEWAY_ASSERTION_HEADER]: assertion(journey.grants) },
      body: JSON.stringify({ query: direct.query, variables: direct.variables }),
    };
  }
  return {
    url: `http://127.0.0.1:${ports[mode]}/graphql`,
    headers: { ...base, authorization: `Bearer ${userToken(journey.grants)}` },
    body: JSON.stringify({ query: journey.gateway.query, variables: journey.gateway.variables } satisfies GraphQLRequest),
  };
}

/** A GraphQL answer as it comes over HTTP, before anything is read from it. */
export interface GraphQLAnswer {
  data?: unknown;
  errors?: unknown;
}

export async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; json: GraphQLAnswer; headers: Headers; bytes: number }> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as GraphQLAnswer, headers: response.headers, bytes: Buffer.byteLength(text) };
}

/** Canonical JSON (sorted keys) for comparing answers from different paths. */

export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The part of a direct answer that corresponds to the gateway's (the _entities payload, or the same root field). */

/** What comparablePart reads from the reviews and entities journeys' answers. */
interface ComparableData {
  partnership?: { reviews?: unknown; bodies?: { id: string }[] | null } | null;
  _entities?: { id: string; reviews?: unknown }[] | null;
}

export function comparablePart(journey: Journey, data: unknown, mode: 'gateway' | 'direct'): unknown {
  const answer = data as ComparableData | null | undefined;
  if (journey.name === 'reviews') return mode === 'gateway' ? answer?.partnership?.reviews : answer?._entities?.[0]?.reviews;
  if (journey.name === 'entities') {
    const bodies = mode === 'gateway' ? answer?.partnership?.bodies : answer?._entities;
    return [...(bodies ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  }
  return data;
}
