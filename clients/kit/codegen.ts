import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';
import { frontEndCodegenConfig } from './src/codegen-config';

/**
 * The kit's own generation, offline, at build time: the API schema is the checked-in supergraph's
 * (what the gateway serves: federation's join__/link__ internals and @inaccessible elements removed),
 * and the typed documents are the gateway's persisted operations (gateway/operations, the ones a
 * safelisted front end may send) and the kit's own operations (operations/).
 */
const repository = path.resolve(__dirname, '..', '..');
const supergraph = fs.readFileSync(path.join(repository, 'gateway', 'supergraph.graphql'), 'utf8');
const apiSchema = printSchema(Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema());

export default frontEndCodegenConfig({
  schema: apiSchema,
  documents: [path.join(repository, 'gateway', 'operations', '*.graphql'), 'operations/*.graphql'],
  typedDocuments: 'generated/gql/',
  possibleTypes: 'generated/possible-types.ts',
  schemaFile: 'generated/schema.graphql',
  typeIdentities: 'generated/type-identities.ts',
});
