import { typescriptConfig } from './index.js';

export default typescriptConfig(import.meta.dirname);
