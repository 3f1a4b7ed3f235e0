import path from 'node:path';

export { createCache, possibleTypes } from './cache';
export { typePolicies, normalisedById } from './type-policies';
export { frontEndCodegenConfig, type FrontEndCodegenOptions } from './codegen-config';
export { apolloClientManifest, sha256, type ManifestOperation, type PersistedQueryManifest } from './persisted-manifest';
export { typedDocuments } from './typed-documents';
export { lookupsById, typesWithId, valueTypes } from '../generated/type-identities';
/** Typed documents for the gateway's persisted operations and the kit's own (the client preset's output). */
export * from '../generated/gql/graphql';
export { graphql } from '../generated/gql';

// The kit's folder, whether this runs from dist/src (a front end) or from src (the kit's tests).
const KIT = path.dirname(require.resolve('@safeguarding/client-kit/package.json'));
/** The gateway's API schema as SDL (generated from gateway/supergraph.graphql): a front end's codegen `schema`. */
export const API_SCHEMA_FILE = path.join(KIT, 'generated', 'schema.graphql');
/** The kit's typed documents as Apollo Client sends them (written by the build): PERSISTED_OPERATIONS_MANIFEST for a safelisted gateway. */
export const APOLLO_CLIENT_MANIFEST_FILE = path.join(KIT, 'dist', 'persisted-query-manifest.json');
