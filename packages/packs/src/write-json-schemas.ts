import fs from 'node:fs';
import path from 'node:path';
import { jsonSchemaFiles } from './json-schema';
import { REPOSITORY_PACKS } from './layout';

// `npm run schemas -w @safeguarding/packs`: rewrites packs/schema/ from the validators.
const folder = path.join(REPOSITORY_PACKS, 'schema');
fs.mkdirSync(folder, { recursive: true });
for (const [file, text] of jsonSchemaFiles()) fs.writeFileSync(path.join(folder, file), text);
console.log(`wrote ${jsonSchemaFiles().size} JSON Schemas to ${folder}`);
