/**
 * What the subgraphs share, once: SDL fragments of the @shareable types (sdl/), the audit trail's
 * SDL, the resolvers and key types that go with them, and the one reader of a schema/ folder.
 */
export * from './schema-folder';
export * from './fragments';
export * from './audit-trail';
export * from './served';
export * from './resolvers';
export {
  type AgendaCandidatesKey,
  type ComparisonKey,
  agendaCandidatesKey,
  comparisonKey,
  parseAgendaCandidatesKey,
  parseComparisonKey,
} from '@safeguarding/federated-keys';
