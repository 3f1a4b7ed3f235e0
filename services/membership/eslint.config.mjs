import { subgraphSchemaConfig, typescriptConfig } from '@safeguarding/eslint-config';

export default [...typescriptConfig(import.meta.dirname), ...subgraphSchemaConfig(import.meta.dirname)];
