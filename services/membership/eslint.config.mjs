import path from 'node:path';
import { subgraphSchemaConfig, typescriptConfig } from '@safeguarding/eslint-config';
import { contractSdlServedBy } from '@safeguarding/federation-contract';

export default [
  ...typescriptConfig(import.meta.dirname),
  ...subgraphSchemaConfig(import.meta.dirname, contractSdlServedBy(path.join(import.meta.dirname, 'schema'))),
];
