import { typescriptConfig } from '@safeguarding/eslint-config';

export default typescriptConfig(import.meta.dirname);
