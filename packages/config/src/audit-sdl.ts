/**
 * The audit trail's GraphQL surface, added by the subgraph runtime to every subgraph that has the
 * Partnership entity, and by gateway/src/compose.ts to the same subgraphs' schema.graphql when it
 * composes the supergraph. One definition, so the served schema and the composed one agree.
 *
 * Each subgraph contributes its own field on Partnership (e.g. `arrangementsAuditTrail`): the
 * events live in the subgraph's own schema, so the gateway asks each subgraph for its part.
 */
export function auditTrailFieldName(subgraph: string): string {
  return `${subgraph}AuditTrail`;
}

export function auditTypeDefs(subgraph: string): string {
  return `
"""
One mutation call, recorded by the subgraph that answered it: who, when, what was asked and what
came of it. The arguments and the record are shown only to the partnership's own administrators:
they may hold what others may not read (unpublished reviews, draft agendas). Append-only: no mutation changes it and the database refuses UPDATE and DELETE.
"""
type AuditEvent @shareable {
  id: ID!
  "The subgraph that recorded it."
  subgraph: String!
  "When the call finished, ISO 8601 (UTC)."
  at: String!
  "The token's subject, or anonymous."
  subject: String!
  "The caller's grants, as role or role:partnership."
  grants: [String!]!
  "The request id the gateway gave the call (x-request-id)."
  requestId: String
  "The mutation field, e.g. updateBody."
  field: String!
  "The arguments, as JSON. Only for the partnership's own admins (null for regional administrators)."
  arguments: String
  "The id of the returned record, when there is one."
  resultId: String
  "The returned record as stored after the change, as JSON (the state after; the state before is the previous event's result for the same resultId). Only for the partnership's own admins."
  result: String
  "The error code when the call was refused or failed (FORBIDDEN, BAD_USER_INPUT, ...); null when it succeeded."
  errorCode: String
  "The partnerships the call concerned, as far as its arguments and result tell."
  partnershipSlugs: [String!]!
}

extend type Partnership @key(fields: "id") {
  """
  Mutations answered by the ${subgraph} subgraph that concerned this partnership, newest first,
  between from and to (ISO 8601 timestamps, both optional; to is exclusive), at most limit (default
  100, at most 1000). For the partnership's administrators and regional administrators only;
  regional administrators get no arguments or result.
  """
  ${auditTrailFieldName(subgraph)}(from: String, to: String, limit: Int = 100): [AuditEvent!]
}
`;
}
