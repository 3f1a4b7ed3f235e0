/**
 * The audit trail, one concern a file: the table's migration (migration.ts), the recorder that
 * wraps every Mutation field (recorder.ts) and the resolvers that read the trail back
 * (trail-resolvers.ts). Its SDL is in @safeguarding/federation-contract.
 */
export { type AuditOptions, auditEventTable } from './table';
export { CreateAuditTrail1733200000000 } from './migration';
export { AddAuditReplaced1733500000000 } from './replaced-migration';
export { createAuditMiddleware, partnershipSlugsOf, recordReplacedValue } from './recorder';
export { auditTrailResolvers } from './trail-resolvers';
