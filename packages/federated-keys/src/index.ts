/**
 * Keys of the entities that several subgraphs contribute sections to. The key carries everything a
 * contributor needs (dates, partnerships), so each subgraph computes its own part without calling
 * another; the gateway joins the sections. One place defines each format.
 */

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const SLUGS = String.raw`[a-z0-9][a-z0-9-]*(?:,[a-z0-9][a-z0-9-]*)*`;

/** PartnershipComparison: "asOf:slug,slug". */
export interface ComparisonKey {
  id: string;
  asOf: string;
  partnershipSlugs: string[];
}

export function comparisonKey(asOf: string, partnershipSlugs: string[]): string {
  return `${asOf}:${partnershipSlugs.join(',')}`;
}

export function parseComparisonKey(id: string): ComparisonKey | null {
  const match = new RegExp(`^(${DATE}):(${SLUGS})$`).exec(id);
  return match ? { id, asOf: match[1]!, partnershipSlugs: match[2]!.split(',') } : null;
}

/** AgendaCandidates: "meetingId|since|until|slug,slug" — what a meeting's agenda may take, over a window. */
export interface AgendaCandidatesKey {
  id: string;
  meetingId: string;
  since: string;
  until: string;
  partnershipSlugs: string[];
}

export function agendaCandidatesKey(meetingId: string, since: string, until: string, partnershipSlugs: string[]): string {
  return `${meetingId}|${since}|${until}|${partnershipSlugs.join(',')}`;
}

export function parseAgendaCandidatesKey(id: string): AgendaCandidatesKey | null {
  const match = new RegExp(`^([0-9a-f-]{36})\\|(${DATE})\\|(${DATE})\\|(${SLUGS})?$`).exec(id);
  if (!match) return null;
  return { id, meetingId: match[1]!, since: match[2]!, until: match[3]!, partnershipSlugs: match[4] ? match[4].split(',') : [] };
}
